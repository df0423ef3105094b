using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Allocator;

namespace SharpSan.Runtime.Tests.Allocator;

public sealed unsafe class ChunkShadowTests
{
    // Every length from 0 to past the 16-granule fast path: exactly the chunk's granules change, the neighbours do not.
    [Fact]
    public void Poison_OfEveryLength_MarksExactlyTheGranulesOfTheRange()
    {
        byte* block = (byte*)System.Runtime.InteropServices.NativeMemory.AlignedAlloc(512, 16);
        try
        {
            for (nuint size = 0; size <= 200; size++)
            {
                nuint start = (nuint)block + 64;
                ShadowMemory.Clear((nuint)block, 512);
                ChunkShadow.Poison(start, size, ShadowCode.HeapFreed);
                nuint granules = (size + 7) / 8;
                for (nuint g = 0; g < 64; g++)
                {
                    byte expected = g >= 8 && g < 8 + granules ? (byte)ShadowCode.HeapFreed : (byte)0;
                    Assert.Equal(expected, (byte)ShadowMemory.Read((nuint)block + g * 8));
                }
            }
        }
        finally
        {
            ShadowMemory.Clear((nuint)block, 512);
            System.Runtime.InteropServices.NativeMemory.AlignedFree(block);
        }
    }

    [Fact]
    public void Unpoison_OfEveryLength_OpensWholeGranulesAndEncodesThePartialOne()
    {
        byte* block = (byte*)System.Runtime.InteropServices.NativeMemory.AlignedAlloc(512, 16);
        try
        {
            for (nuint size = 0; size <= 200; size++)
            {
                nuint start = (nuint)block + 64;
                ShadowMemory.Poison((nuint)block, 512, ShadowCode.HeapLeftRedzone);
                ChunkShadow.Unpoison(start, size);
                for (nuint g = 0; g < 64; g++)
                {
                    nuint offset = g * 8;
                    byte expected = offset < 64 ? (byte)ShadowCode.HeapLeftRedzone
                        : offset + 8 <= 64 + size ? (byte)0
                        : offset < 64 + size ? (byte)(64 + size - offset)
                        : (byte)ShadowCode.HeapLeftRedzone;
                    Assert.Equal(expected, (byte)ShadowMemory.Read((nuint)block + offset));
                }
            }
        }
        finally
        {
            ShadowMemory.Clear((nuint)block, 512);
            System.Runtime.InteropServices.NativeMemory.AlignedFree(block);
        }
    }
}
