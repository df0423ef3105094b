using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        // A block freed first and allocated zeroed at once may reuse the freed (poisoned) range: still defined.
        for (int round = 0; round < 3; round++)
        {
            int* p = (int*)NativeMemory.AllocZeroed(64);
            int zeros = 0;
            for (int i = 0; i < 16; i++)
                if (p[i] == 0) zeros++;
            Console.WriteLine($"zeros {zeros}");
            NativeMemory.Free(p);
        }
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: zeros 16
// CHECK: zeros 16
// CHECK: zeros 16
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
