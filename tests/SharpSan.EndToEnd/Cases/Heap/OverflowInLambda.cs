// An overflow inside a lambda invoked through a delegate: the lambda's compiler-generated method is frame #0.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long* p = (long*)NativeMemory.Alloc(32);
        Func<int, long> at = i =>
        {
            return p[i];
        };
        Console.WriteLine(at(3) + at(4));
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.<>c__DisplayClass0_0.<Main>b__0(int) {{.*}}OverflowInLambda.cs:[[@LINE-7]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowInLambda.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 32-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowInLambda.cs:[[@LINE-10]] in Program.<>c__DisplayClass0_0.<Main>b__0(int)
