// A block allocated in a helper and never freed: LeakSanitizer reports it at exit with its allocation stack.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static byte* MakeBuffer()
    {
        byte* p = (byte*)NativeMemory.Alloc(48);
        p[0] = 1;
        return p;
    }

    static void Main()
    {
        byte* p = MakeBuffer();
        Console.WriteLine($"first={p[0]}");
        p = null;
    }
}
// CHECK: first=1
// CHECK: =================================================================
// CHECK-NEXT: =={{[0-9]+}}==ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 48 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.MakeBuffer() {{.*}}DirectLeak.cs:[[@LINE-17]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DirectLeak.cs:[[@LINE-11]]
// CHECK: SUMMARY: AddressSanitizer: 48 byte(s) leaked in 1 allocation(s).
// CHECK-NOT: Indirect leak
