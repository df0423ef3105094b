// Realloc of a pointer that was already freed: the free inside Realloc is a double free.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* p = NativeMemory.Alloc(16);
        NativeMemory.Free(p);
        p = NativeMemory.Realloc(p, 32);
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: attempting double-free on {{0x[0-9a-f]+}} in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Realloc(void*, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReallocOfFreedPointer.cs:[[@LINE-6]]
// CHECK: is located 0 bytes inside of 16-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReallocOfFreedPointer.cs:[[@LINE-11]]
// CHECK: SUMMARY: AddressSanitizer: double-free {{.*}}ReallocOfFreedPointer.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: unreachable
