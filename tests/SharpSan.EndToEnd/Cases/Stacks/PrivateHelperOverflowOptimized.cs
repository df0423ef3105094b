// OPTIMIZE: true
// Private helpers that only checked code calls get no fault handler (the JIT may inline them), yet each still has its
// own frame: an overflow in the innermost one names both helpers and Main, at the right lines.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Put(byte* p, int i, byte v)
    {
        p[i] = v;
    }

    static void Fill(byte* p, int n)
    {
        for (int i = 0; i <= n; i++) Put(p, i, (byte)i);
    }

    static void Main(string[] args)
    {
        byte* p = (byte*)NativeMemory.Alloc(16);
        Fill(p, args.Length == 0 ? 16 : 15);
        Console.WriteLine(p[3]);
        NativeMemory.Free(p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 1
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Put(byte*, int, byte) {{.*}}PrivateHelperOverflowOptimized.cs:[[@LINE-18]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Fill(byte*, int) {{.*}}PrivateHelperOverflowOptimized.cs:[[@LINE-14]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main(string[]) {{.*}}PrivateHelperOverflowOptimized.cs:[[@LINE-9]]
// CHECK: is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}PrivateHelperOverflowOptimized.cs:[[@LINE-22]] in Program.Put(byte*, int, byte)
