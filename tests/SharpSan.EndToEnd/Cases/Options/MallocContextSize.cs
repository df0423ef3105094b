// malloc_context_size=2 keeps two frames of allocation and free stacks: the API and its caller.
// ENV: SHARPSAN_OPTIONS=malloc_context_size=2
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static byte* Level3() { return (byte*)NativeMemory.Alloc(4); }
    static byte* Level2() { return Level3(); }
    static byte* Level1() { return Level2(); }

    static void Main()
    {
        byte* p = Level1();
        p[4] = 1;
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Level3() {{.*}}MallocContextSize.cs:[[@LINE-13]]
// CHECK-NEXT: {{^$}}
// CHECK-NOT: Program.Level2()
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}MallocContextSize.cs:[[@LINE-9]] in Program.Main()
