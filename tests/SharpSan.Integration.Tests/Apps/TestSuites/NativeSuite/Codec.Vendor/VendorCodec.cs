using System.Runtime.InteropServices;

namespace Codec.Vendor;

/// <summary>The vendor's managed wrapper over its native library ("codec", resolved by the tests).</summary>
public static class VendorCodec
{
    [DllImport("codec", EntryPoint = "checksum_copied")]
    static extern int ChecksumCopied(byte[] source, int count);

    public static int Checksum(byte[] data) => ChecksumCopied(data, data.Length);
}
