using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// param-retval (clang's default since LLVM 16): an undefined scalar passed to a method is reported at the call, even
// though the callee ignores it. C twin (clang-14 -O0 -fsanitize=memory -fsanitize-memory-param-retval): reported at
// the call's line, origin the malloc.
unsafe class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Ignore(int value) { }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16);
        p[0] = 1;
        Ignore(p[0]);
        Console.WriteLine("defined argument passed");
        Ignore(p[1]);
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: defined argument passed
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x[[@IL(Main: call Ignore #2)]] in Program.Main() {{.*}}ParamUndefinedArgumentAtCall.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ParamUndefinedArgumentAtCall.cs:[[@LINE-15]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}ParamUndefinedArgumentAtCall.cs:[[@LINE-12]] in Program.Main()
// CHECK-NOT: done
