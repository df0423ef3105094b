using System.Buffers;
using System.Security.Cryptography;
using Microsoft.IO;

namespace RealPackages;

/// <summary>
/// Microsoft.IO.RecyclableMemoryStream under --sanitize memory, through the BCL table's rows: rented buffers filled by
/// Stream.Read (produce: only the bytes read are defined), written into recyclable streams with Stream.Write
/// (consume), copied out with GetBuffer/ToArray/CopyTo, decoded with Convert.ToBase64String and hashed (consume).
/// "recyclable-read-memory" uses only the bytes it read and must stay clean; "recyclable-stale" (ClassicUO's shape) writes
/// a rented buffer read only half full into a stream whole, which MemorySanitizer reports at Stream.Write.
/// </summary>
static class RecyclableMemoryWorkload
{
    public static string Clean() => Run(sendWholeBuffer: false);

    public static string Stale() => Run(sendWholeBuffer: true);

    static string Run(bool sendWholeBuffer)
    {
        var manager = new RecyclableMemoryStreamManager(new RecyclableMemoryStreamManager.Options { BlockSize = 1024, LargeBufferMultiple = 16 * 1024 });
        long verified = 0;
        ulong digestBits = 0;
        for (int round = 0; round < (sendWholeBuffer ? 1 : 24); round++)
        {
            int length = 700 + round * 613 % 5000;
            var expected = Data.Text(length, round);
            byte[] rented = ArrayPool<byte>.Shared.Rent(sendWholeBuffer ? 2 * length : length);
            int read = new MemoryStream(expected).Read(rented, 0, length);
            Data.Check(read == length, "read everything");
            using var stream = manager.GetStream("memory");
            stream.Write(rented, 0, sendWholeBuffer ? rented.Length : read);
            stream.Position = 0;
            var back = new byte[read];
            stream.ReadExactly(back, 0, read);
            Data.CheckEqual(expected, back, "read back");
            var copy = new MemoryStream();
            stream.Position = 0;
            stream.CopyTo(copy);
            Data.CheckEqual(expected, copy.ToArray().AsSpan(0, read), "copied out");
            string base64 = Convert.ToBase64String(stream.GetBuffer(), 0, read);
            Data.CheckEqual(expected, Convert.FromBase64String(base64), "base64 round trip");
            digestBits ^= BitConverter.ToUInt64(SHA256.HashData(stream.ToArray().AsSpan(0, read)));
            verified += read;
            ArrayPool<byte>.Shared.Return(rented);
        }
        return $"{verified} bytes verified, digest bits {(digestBits == 0 ? "zero" : "mixed")}";
    }
}
