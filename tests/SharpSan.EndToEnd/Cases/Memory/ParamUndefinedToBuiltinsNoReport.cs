using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

// The negative twin of ParamUndefinedArgumentToBcl: undefined values given to BCL members that only move or combine
// them — C's builtins (byte swap, bit count, pointer offset, atomics, SIMD) — are no report at the call (the result
// stays undefined and is never used here), and defined values given to any BCL member are no report.
unsafe class Program
{
    static int s_slot;

    static void Main()
    {
        int* raw = (int*)NativeMemory.Alloc(32);
        raw[0] = 5;
        uint swapped = BinaryPrimitives.ReverseEndianness((uint)raw[1]);
        int bits = BitOperations.PopCount((uint)raw[2]);
        ref int shifted = ref Unsafe.Add(ref *raw, raw[0] - 5);
        Interlocked.Exchange(ref s_slot, raw[3]);
        Volatile.Write(ref s_slot, raw[4]);
        var lanes = new Vector<int>(raw[5]);
        int larger = Math.Max(raw[0], 2);
        Console.WriteLine($"defined {larger} {shifted}");
        GC.KeepAlive(swapped);
        GC.KeepAlive(bits);
        GC.KeepAlive(lanes);
        NativeMemory.Free(raw);
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: defined 5 5
// CHECK: done
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
