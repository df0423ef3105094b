// A static that cannot be read at exit (its type initializer failed) is skipped and named in one warning; the
// rest of the roots are still scanned and the real leak is still reported.
using System;
using System.Runtime.InteropServices;

static unsafe class Broken
{
    public static readonly IntPtr Handle = Fail();
    static IntPtr Fail() => throw new InvalidOperationException("no device");
}

static unsafe class Program
{
    static void* s_kept;

    static void Main()
    {
        try { Console.WriteLine(Broken.Handle); } catch (TypeInitializationException) { Console.WriteLine("no device"); }
        s_kept = NativeMemory.Alloc(16);
        NativeMemory.Alloc(24);
    }
}
// CHECK: no device
// CHECK: WARNING: LeakSanitizer: could not read 1 root(s) at exit: Broken.Handle (TypeInitializationException); blocks reachable only from them may be reported as leaks
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 24 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnreadableRootWarns.cs:[[@LINE-8]]
// CHECK: SUMMARY: AddressSanitizer: 24 byte(s) leaked in 1 allocation(s).
// CHECK-NOT: 16 byte(s)
