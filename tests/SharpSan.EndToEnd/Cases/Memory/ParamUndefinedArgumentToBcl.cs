using System;
using System.Runtime.InteropServices;

// clang's -fsanitize-memory-param-retval checks any callee: an undefined scalar passed to a BCL member is reported at
// the call (Math.Max), whether the member then uses it or not. Defined arguments to the same member are no report.
unsafe class Program
{
    static void Main()
    {
        int* raw = (int*)NativeMemory.Alloc(16);
        raw[0] = 3;
        int larger = Math.Max(raw[0], 1);
        Console.WriteLine($"defined argument passed {larger}");
        int wider = Math.Max(raw[1], 1);
        Console.WriteLine("done");
        GC.KeepAlive(wider);
    }
}

// SANITIZE: memory
// CHECK: defined argument passed 3
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ParamUndefinedArgumentToBcl.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ParamUndefinedArgumentToBcl.cs:[[@LINE-16]]
// CHECK-NOT: done
