// Guard mode: a stack buffer handed to NativeMemory.Free carries no chunk header; it is reported as a bad-free
// instead of reaching the real allocator (which would abort the process).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long* local = stackalloc long[8];
        local[0] = 1;
        NativeMemory.Free(local);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK: ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeaderStackFree.cs:[[@LINE-8]]
// CHECK: is located {{(on the stack of the freeing thread|at a misaligned address no allocator returns)}}
// CHECK: SUMMARY: AddressSanitizer: bad-free {{.*}}HeaderStackFree.cs:[[@LINE-10]] in Program.Main()
// CHECK-NOT: not reached
