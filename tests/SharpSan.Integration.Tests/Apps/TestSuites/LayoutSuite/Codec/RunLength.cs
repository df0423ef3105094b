using System.Runtime.InteropServices;

namespace Acme.Codec;

/// <summary>Run-length decoding into a native buffer.</summary>
public static unsafe class RunLength
{
    /// <summary>Decodes (count, value) pairs; <paramref name="reserveTerminator"/> false forgets the room for the 0 written after them.</summary>
    public static int DecodeSum(byte[] pairs, bool reserveTerminator)
    {
        int total = 0;
        for (int i = 0; i < pairs.Length; i += 2) total += pairs[i];
        byte* output = (byte*)NativeMemory.Alloc((nuint)(reserveTerminator ? total + 1 : total));
        int n = 0;
        for (int i = 0; i < pairs.Length; i += 2)
            for (int k = 0; k < pairs[i]; k++) output[n++] = pairs[i + 1];
        output[n] = 0;   // BUG-OVERFLOW
        int sum = 0;
        for (int k = 0; k < n; k++) sum += output[k];
        NativeMemory.Free(output);
        return sum;
    }
}
