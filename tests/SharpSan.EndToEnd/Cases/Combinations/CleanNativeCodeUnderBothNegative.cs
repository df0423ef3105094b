// Correct native-memory code under address,memory: every byte written before it is used, copies (Buffer.MemoryCopy,
// NativeMemory.Copy, Unsafe.CopyBlock) carry definedness, AllocZeroed/Clear/Fill define, a realloc keeps what was
// written and only the written part of its grown block is read. Nothing may be reported by either tool.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        int* a = (int*)NativeMemory.Alloc(8 * sizeof(int));
        for (int i = 0; i < 8; i++) a[i] = i * i;
        int* b = (int*)NativeMemory.Alloc(8 * sizeof(int));
        Buffer.MemoryCopy(a, b, 8 * sizeof(int), 8 * sizeof(int));
        int* c = (int*)NativeMemory.Alloc(8 * sizeof(int));
        NativeMemory.Copy(b, c, 8 * sizeof(int));
        int* d = (int*)NativeMemory.Alloc(8 * sizeof(int));
        Unsafe.CopyBlock(d, c, 8 * sizeof(int));
        int* z = (int*)NativeMemory.AllocZeroed(8, sizeof(int));
        byte* f = (byte*)NativeMemory.Alloc(16);
        NativeMemory.Fill(f, 16, 3);
        int* r = (int*)NativeMemory.Realloc(a, 16 * sizeof(int));
        r[8] = 100;
        int odd = 0;
        for (int i = 0; i < 8; i++)
            if (d[i] % 2 == 1 && z[i] == 0 && f[i] == 3 && r[i] == i * i) odd++;
        if (r[8] == 100) odd += 10;
        Console.WriteLine($"odd {odd}");
        NativeMemory.Free(r); NativeMemory.Free(b); NativeMemory.Free(c); NativeMemory.Free(d); NativeMemory.Free(z); NativeMemory.Free(f);
        // Freed, then allocated again and written: the new block's bytes are defined where written.
        for (int round = 0; round < 50; round++)
        {
            long* p = (long*)NativeMemory.Alloc(64);
            for (int i = 0; i < 8; i++) p[i] = round + i;
            if (p[7] < 0) Console.WriteLine("negative");
            NativeMemory.Free(p);
        }
        Console.WriteLine("rounds done");
    }
}

// SANITIZE: address,memory
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING:
// CHECK: odd 14
// CHECK: rounds done
// CHECK-NOT: WARNING:
// CHECK-NOT: ERROR:
