using System.Buffers;
using System.Text;

namespace Messages;

/// <summary>Checksums of UTF-8 text; long text goes through a pooled buffer that is returned before it is read.</summary>
public static class Encoder
{
    const int PooledAbove = 32;

    public static int Checksum(string text)
    {
        bool pooled = text.Length > PooledAbove;
        byte[] utf8 = pooled ? ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length)) : new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        int length = Encoding.UTF8.GetBytes(text, utf8);
        if (pooled) ArrayPool<byte>.Shared.Return(utf8);
        int sum = 0;
        for (int i = 0; i < length; i++) sum += utf8[i]; // BUG-POOL-USE-AFTER-RETURN: the pooled buffer went back above
        return sum;
    }
}
