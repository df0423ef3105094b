// The same NativeMemory block freed twice, from two different methods.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Cleanup(void* p) => NativeMemory.Free(p);

    static void Main()
    {
        void* p = NativeMemory.Alloc(24);
        NativeMemory.Free(p);
        Console.WriteLine("freed once");
        Cleanup(p);
        Console.WriteLine("unreachable");
    }
}
// CHECK: freed once
// CHECK: ==ERROR: AddressSanitizer: attempting double-free on [[ADDR:0x[0-9a-f]+]] in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Cleanup(void*) {{.*}}DoubleFree.cs:[[@LINE-14]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DoubleFree.cs:[[@LINE-8]]
// CHECK: [[ADDR]] is located 0 bytes inside of 24-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DoubleFree.cs:[[@LINE-14]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DoubleFree.cs:[[@LINE-18]]
// CHECK: SUMMARY: AddressSanitizer: double-free {{.*}}DoubleFree.cs:[[@LINE-23]] in Program.Cleanup(void*)
// CHECK-NOT: unreachable
