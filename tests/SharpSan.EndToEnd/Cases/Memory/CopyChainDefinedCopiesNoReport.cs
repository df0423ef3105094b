using System;
using System.Runtime.InteropServices;

// track_origins=2 with copies: undefined bytes copied around and never used, and a copy whose undefined bytes are
// overwritten before they are read: no report.
unsafe class Program
{
    static void Main()
    {
        byte* source = (byte*)NativeMemory.Alloc(64);
        byte* target = (byte*)NativeMemory.AllocZeroed(64);
        for (int i = 0; i < 16; i++) source[i] = (byte)i;
        Buffer.MemoryCopy(source, target, 64, 64);
        NativeMemory.Copy(target, source, 64);
        int sum = 0;
        for (int i = 0; i < 16; i++) sum += target[i];
        target[40] = 1;
        if (target[40] == 1 && sum == 120) Console.WriteLine("only defined bytes used");
        NativeMemory.Free(source);
        NativeMemory.Free(target);
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=track_origins=2
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: only defined bytes used
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
