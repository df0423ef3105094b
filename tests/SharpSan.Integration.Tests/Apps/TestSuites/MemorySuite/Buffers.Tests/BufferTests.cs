using System.Runtime.InteropServices;

namespace Buffers.Tests;

public static unsafe class Header
{
    /// <summary>Counts the flag bytes set in a native header of <paramref name="length"/> bytes, of which only the first <paramref name="written"/> are written.</summary>
    public static int FlagsSet(int length, int written)
    {
        byte* header = (byte*)NativeMemory.Alloc((nuint)length);   // ALLOC
        try
        {
            for (int i = 0; i < written; i++) header[i] = (byte)(i % 2);
            int set = 0;
            for (int i = 0; i < length; i++)
                if (header[i] != 0) set++;   // BUG-UNINIT
            return set;
        }
        finally
        {
            NativeMemory.Free(header);
        }
    }
}

public class BufferTests
{
    [Fact]
    public void FullyWrittenHeader_CountsItsFlags() => Assert.Equal(4, Header.FlagsSet(8, 8));

    [Fact]
    public void HalfWrittenHeader_ReadsBytesNobodyWrote() => Assert.True(Header.FlagsSet(8, 4) >= 2);
}
