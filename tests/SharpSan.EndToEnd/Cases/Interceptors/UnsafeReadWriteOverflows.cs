// Unsafe.Read/Write/ReadUnaligned/WriteUnaligned (pointer and ref overloads) and Unsafe.Copy (both
// directions) near the end of a 16-byte block; halt_on_error=0 reports each call site once.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0:detect_leaks=0
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.AllocZeroed(16);
        long value = 0;
        Console.WriteLine(Unsafe.Read<long>(p + 8));
        Console.WriteLine(Unsafe.Read<long>(p + 12));
        Unsafe.Write<int>(p + 16, 1);
        Console.WriteLine(Unsafe.ReadUnaligned<int>(p + 13));
        Unsafe.WriteUnaligned<long>(p + 9, 1);
        Console.WriteLine(Unsafe.ReadUnaligned<int>(ref p[14]));
        Unsafe.WriteUnaligned(ref p[15], (short)7);
        Unsafe.Copy(p + 12, ref value);
        Unsafe.Copy(ref value, p + 10);
        Console.WriteLine("done");
    }
}
// CHECK: 0
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.Read<T>(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeReadWriteOverflows.cs:[[@LINE-15]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.Write<T>(void*, T)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeReadWriteOverflows.cs:[[@LINE-19]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.ReadUnaligned<T>(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeReadWriteOverflows.cs:[[@LINE-23]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.WriteUnaligned<T>(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeReadWriteOverflows.cs:[[@LINE-26]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.ReadUnaligned<T>(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeReadWriteOverflows.cs:[[@LINE-29]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 2 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.WriteUnaligned<T>(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeReadWriteOverflows.cs:[[@LINE-32]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.Copy<T>(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeReadWriteOverflows.cs:[[@LINE-35]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.Copy<T>(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeReadWriteOverflows.cs:[[@LINE-38]]
// CHECK: done
// CHECK-NOT: ERROR:
