using System;
using System.Runtime.InteropServices;

// track_origins=2 records the stores of undefined values; storing them around without using them stays silent.
unsafe class Program
{
    static void Main()
    {
        long* fresh = (long*)NativeMemory.Alloc(64);
        long* shadowCopy = (long*)NativeMemory.AllocZeroed(64);
        for (int round = 0; round < 1000; round++)
            for (int i = 0; i < 8; i++) shadowCopy[i] = fresh[i];
        fresh[0] = 5;
        shadowCopy[0] = fresh[0];
        if (shadowCopy[0] == 5) Console.WriteLine("only the defined slot was used");
        NativeMemory.Free(fresh);
        NativeMemory.Free(shadowCopy);
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=track_origins=2
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: only the defined slot was used
// CHECK-NOT: ERROR:
