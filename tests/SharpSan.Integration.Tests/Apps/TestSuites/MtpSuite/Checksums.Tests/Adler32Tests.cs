using System.Runtime.InteropServices;

namespace Checksums.Tests;

/// <summary>Adler-32 over a native copy of the input; the copy is one byte short.</summary>
static unsafe class Adler32
{
    public static uint Of(ReadOnlySpan<byte> data)
    {
        byte* copy = (byte*)NativeMemory.Alloc((nuint)Math.Max(data.Length - 1, 1));
        for (int i = 0; i < data.Length; i++) copy[i] = data[i]; // BUG-OVERFLOW: the copy is one byte short
        uint a = 1, b = 0;
        for (int i = 0; i < data.Length; i++)
        {
            a = (a + copy[i]) % 65521;
            b = (b + a) % 65521;
        }
        NativeMemory.Free(copy);
        return b << 16 | a;
    }
}

public class Adler32Tests
{
    [Fact]
    public void OfWikipedia() => Assert.Equal(0x11E60398u, Adler32.Of("Wikipedia"u8));

    [Fact]
    public void OfOneByte() => Assert.Equal(0x00620062u, Adler32.Of("a"u8));
}
