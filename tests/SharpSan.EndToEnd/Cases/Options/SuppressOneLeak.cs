// suppressions: `leak:Program.KnownLeak` suppresses that leak only; another leak is still reported, and the
// summary counts only what is reported.
// ENV: SHARPSAN_OPTIONS=suppressions=%S/Inputs/suppressions.txt
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void KnownLeak()
    {
        NativeMemory.Alloc(11);
    }

    static void OtherLeak()
    {
        NativeMemory.Alloc(22);
    }

    static void Main()
    {
        KnownLeak();
        OtherLeak();
        Console.WriteLine("leaving");
    }
}
// CHECK: leaving
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK-NOT: KnownLeak
// CHECK: Direct leak of 22 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.OtherLeak() {{.*}}SuppressOneLeak.cs:[[@LINE-15]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SuppressOneLeak.cs:[[@LINE-10]]
// CHECK-NOT: KnownLeak
// CHECK: SUMMARY: AddressSanitizer: 22 byte(s) leaked in 1 allocation(s).
