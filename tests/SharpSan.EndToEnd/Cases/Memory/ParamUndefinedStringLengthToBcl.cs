using System;
using System.Runtime.InteropServices;

// An undefined count given to a BCL constructor (new string(char, int)) is reported at the call, in the optimised build
// too; the masked value keeps its undefined low bits (and with a constant defines only the cleared ones).
unsafe class Program
{
    static string Rule(int* widths)
    {
        return new string('-', widths[2] & 7);
    }

    static void Main()
    {
        int* widths = (int*)NativeMemory.Alloc(16);
        widths[0] = 4;
        Console.WriteLine(new string('=', widths[0]));
        Console.WriteLine(Rule(widths));
        Console.WriteLine("done");
    }
}

// OPTIMIZE: true
// SANITIZE: memory
// CHECK: ====
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Rule(int*) {{.*}}ParamUndefinedStringLengthToBcl.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ParamUndefinedStringLengthToBcl.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: done
