using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

// ZstdSharp's shape (ZSTD_wildcopy then HIST_count): literals copied into a malloc'd workspace with SIMD loads and
// stores and 8-byte Unsafe reads and writes, then counted into a histogram indexed by each copied byte.
unsafe class Program
{
    static void WildCopy(byte* destination, byte* source, int length)
    {
        for (int k = 0; k < length; k += 16)
        {
            if (Sse2.IsSupported) Sse2.Store(destination + k, Sse2.LoadVector128(source + k));
            else Vector128.Store(Vector128.Load(source + k), destination + k);
        }
    }

    static void Copy8(byte* destination, byte* source, int length)
    {
        for (int k = 0; k < length; k += 8)
            Unsafe.WriteUnaligned(destination + k, Unsafe.ReadUnaligned<ulong>(source + k));
    }

    static void Main()
    {
        byte[] literals = new byte[64];
        for (int k = 0; k < literals.Length; k++) literals[k] = (byte)(k * 7 % 31);
        byte* workspace = (byte*)NativeMemory.Alloc(128);
        uint* histogram = (uint*)NativeMemory.AllocZeroed(256 * sizeof(uint));
        fixed (byte* source = literals)
        {
            WildCopy(workspace, source, 64);
            Copy8(workspace + 64, source, 64);
        }
        for (byte* p = workspace; p < workspace + 128; p++) histogram[*p]++;
        uint max = 0;
        for (int s = 0; s < 256; s++)
            if (histogram[s] > max) max = histogram[s];
        Console.WriteLine($"max {max}");
        NativeMemory.Free(histogram);
        NativeMemory.Free(workspace);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: max 6
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
