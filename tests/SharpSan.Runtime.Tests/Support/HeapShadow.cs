using SharpSan.Runtime.Address;

namespace SharpSan.Runtime.Tests.Support;

/// <summary>Reads raw shadow bytes of heap chunks.</summary>
static class HeapShadow
{
    /// <summary>Shadow bytes of every granule in [begin, end), begin granule aligned.</summary>
    public static byte[] Granules(nuint begin, nuint end)
    {
        var result = new byte[(int)((end - begin) / ShadowMemory.Granule)];
        for (int i = 0; i < result.Length; i++)
            result[i] = (byte)ShadowMemory.Read(begin + (nuint)(i * ShadowMemory.Granule));
        return result;
    }

    public static void AssertAll(byte expected, nuint begin, nuint end, string what)
    {
        var shadow = Granules(begin, end);
        for (int i = 0; i < shadow.Length; i++)
            Assert.True(shadow[i] == expected,
                $"{what}: granule {i} at 0x{begin + (nuint)(i * ShadowMemory.Granule):x} has shadow 0x{shadow[i]:x2}, expected 0x{expected:x2}");
    }
}
