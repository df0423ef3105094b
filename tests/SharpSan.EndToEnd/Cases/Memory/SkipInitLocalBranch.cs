using System;
using System.Runtime.CompilerServices;

// Unsafe.SkipInit(out x) in a method without localsinit ([SkipLocalsInit]): x holds whatever the frame held. MSan's
// uninitialised stack variable, with its stack origin.
class Program
{
    [SkipLocalsInit]
    static void Check(bool fill)
    {
        Unsafe.SkipInit(out int status);
        if (fill) status = 1;
        if (status == 1)
            Console.WriteLine("status one");
    }

    static void Main()
    {
        Check(true);
        Console.WriteLine("filled");
        Check(false);
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: status one
// CHECK: filled
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Check(bool) {{.*}}SkipInitLocalBranch.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SkipInitLocalBranch.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by an allocation of 'local status' in the stack frame of function 'Program.Check(bool)'
// CHECK-NOT: done
