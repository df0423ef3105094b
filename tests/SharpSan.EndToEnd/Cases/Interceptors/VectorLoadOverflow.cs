// Vector128.Load reads 16 bytes from a native pointer; starting 8 bytes before the end it runs 8 bytes past.
using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

static unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.AllocZeroed(24);
        Vector128<int> head = Vector128.Load(p);
        Vector128<int> tail = Vector128.Load(p + 4);
        Console.WriteLine(head + tail);
        NativeMemory.Free(p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 16 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.Intrinsics.Vector128.Load<T>(T*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VectorLoadOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: is located 0 bytes to the right of 24-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}VectorLoadOverflow.cs:[[@LINE-10]] in Program.Main()
