using System.IO.Hashing;
using static SharpSan.Runtime.Memory.Bcl.BclShadow;

namespace SharpSan.Runtime.Memory.Bcl;

/// <summary>
/// The table's rows for System.IO.Hashing (a NuGet package, not part of the shared framework): hashing reduces bytes to
/// a value, so each hashed byte must be defined (consume); a destination span gets the bytes the hash wrote (produce).
/// The runtime compiles against the package's 8.0.0 (the first with XxHash3/XxHash128) and does not ship it: an app that
/// calls these members carries its own copy, of 8.0 or later (the interception pass leaves calls into an older copy alone,
/// see InterceptionPass), and a row's body is only compiled when the app calls it.
/// </summary>
public static partial class BclShadowTable
{
    [Intercepts("System.IO.Hashing.NonCryptographicHashAlgorithm", "Append", Instance = true, Sanitizer = M)]
    public static void Append(NonCryptographicHashAlgorithm hash, ReadOnlySpan<byte> source)
    {
        Consume(source, "System.IO.Hashing.NonCryptographicHashAlgorithm.Append(ReadOnlySpan<byte>)");
        hash.Append(source);
    }

    [Intercepts("System.IO.Hashing.NonCryptographicHashAlgorithm", "Append", Instance = true, Sanitizer = M)]
    public static void Append(NonCryptographicHashAlgorithm hash, byte[] source)
    {
        Consume(source, "System.IO.Hashing.NonCryptographicHashAlgorithm.Append(byte[])");
        hash.Append(source);
    }

    /// <summary>A stream's bytes are hashed: only a MemoryStream over a tracked array can hold undefined ones.</summary>
    [Intercepts("System.IO.Hashing.NonCryptographicHashAlgorithm", "Append", Instance = true, Sanitizer = M)]
    public static void Append(NonCryptographicHashAlgorithm hash, Stream stream)
    {
        (stream as WrappedMemoryStream)?.ConsumeRest("System.IO.Hashing.NonCryptographicHashAlgorithm.Append(Stream)");
        hash.Append(stream);
    }

    [Intercepts("System.IO.Hashing.NonCryptographicHashAlgorithm", "AppendAsync", Instance = true, Sanitizer = M)]
    public static Task AppendAsync(NonCryptographicHashAlgorithm hash, Stream stream, CancellationToken cancellationToken)
    {
        (stream as WrappedMemoryStream)?.ConsumeRest("System.IO.Hashing.NonCryptographicHashAlgorithm.AppendAsync(Stream, CancellationToken)");
        return hash.AppendAsync(stream, cancellationToken);
    }

    // Crc32

    [Intercepts("System.IO.Hashing.Crc32", "Hash", Sanitizer = M)]
    public static byte[] Crc32Hash(byte[] source)
    {
        Consume(source, "System.IO.Hashing.Crc32.Hash(byte[])");
        return Crc32.Hash(source);
    }

    [Intercepts("System.IO.Hashing.Crc32", "Hash", Sanitizer = M)]
    public static byte[] Crc32Hash(ReadOnlySpan<byte> source)
    {
        Consume(source, "System.IO.Hashing.Crc32.Hash(ReadOnlySpan<byte>)");
        return Crc32.Hash(source);
    }

    [Intercepts("System.IO.Hashing.Crc32", "Hash", Sanitizer = M)]
    public static int Crc32Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Consume(source, "System.IO.Hashing.Crc32.Hash(ReadOnlySpan<byte>, Span<byte>)");
        int written = Crc32.Hash(source, destination);
        Produce(destination, written);
        return written;
    }

    [Intercepts("System.IO.Hashing.Crc32", "TryHash", Sanitizer = M)]
    public static bool Crc32TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        Consume(source, "System.IO.Hashing.Crc32.TryHash(ReadOnlySpan<byte>, Span<byte>, out int)");
        bool done = Crc32.TryHash(source, destination, out bytesWritten);
        Produce(destination, bytesWritten);
        return done;
    }

    [Intercepts("System.IO.Hashing.Crc32", "HashToUInt32", Sanitizer = M)]
    public static uint Crc32HashToUInt32(ReadOnlySpan<byte> source)
    {
        Consume(source, "System.IO.Hashing.Crc32.HashToUInt32(ReadOnlySpan<byte>)");
        return Crc32.HashToUInt32(source);
    }

    // Crc64

    [Intercepts("System.IO.Hashing.Crc64", "Hash", Sanitizer = M)]
    public static byte[] Crc64Hash(byte[] source)
    {
        Consume(source, "System.IO.Hashing.Crc64.Hash(byte[])");
        return Crc64.Hash(source);
    }

    [Intercepts("System.IO.Hashing.Crc64", "Hash", Sanitizer = M)]
    public static byte[] Crc64Hash(ReadOnlySpan<byte> source)
    {
        Consume(source, "System.IO.Hashing.Crc64.Hash(ReadOnlySpan<byte>)");
        return Crc64.Hash(source);
    }

    [Intercepts("System.IO.Hashing.Crc64", "Hash", Sanitizer = M)]
    public static int Crc64Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Consume(source, "System.IO.Hashing.Crc64.Hash(ReadOnlySpan<byte>, Span<byte>)");
        int written = Crc64.Hash(source, destination);
        Produce(destination, written);
        return written;
    }

    [Intercepts("System.IO.Hashing.Crc64", "TryHash", Sanitizer = M)]
    public static bool Crc64TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        Consume(source, "System.IO.Hashing.Crc64.TryHash(ReadOnlySpan<byte>, Span<byte>, out int)");
        bool done = Crc64.TryHash(source, destination, out bytesWritten);
        Produce(destination, bytesWritten);
        return done;
    }

    [Intercepts("System.IO.Hashing.Crc64", "HashToUInt64", Sanitizer = M)]
    public static ulong Crc64HashToUInt64(ReadOnlySpan<byte> source)
    {
        Consume(source, "System.IO.Hashing.Crc64.HashToUInt64(ReadOnlySpan<byte>)");
        return Crc64.HashToUInt64(source);
    }

    // XxHash32

    [Intercepts("System.IO.Hashing.XxHash32", "Hash", Sanitizer = M)]
    public static byte[] XxHash32Hash(byte[] source)
    {
        Consume(source, "System.IO.Hashing.XxHash32.Hash(byte[])");
        return XxHash32.Hash(source);
    }

    [Intercepts("System.IO.Hashing.XxHash32", "Hash", Sanitizer = M)]
    public static byte[] XxHash32Hash(byte[] source, int seed)
    {
        Consume(source, "System.IO.Hashing.XxHash32.Hash(byte[], int)");
        return XxHash32.Hash(source, seed);
    }

    [Intercepts("System.IO.Hashing.XxHash32", "Hash", Sanitizer = M)]
    public static byte[] XxHash32Hash(ReadOnlySpan<byte> source, int seed)
    {
        Consume(source, "System.IO.Hashing.XxHash32.Hash(ReadOnlySpan<byte>, int)");
        return XxHash32.Hash(source, seed);
    }

    [Intercepts("System.IO.Hashing.XxHash32", "Hash", Sanitizer = M)]
    public static int XxHash32Hash(ReadOnlySpan<byte> source, Span<byte> destination, int seed)
    {
        Consume(source, "System.IO.Hashing.XxHash32.Hash(ReadOnlySpan<byte>, Span<byte>, int)");
        int written = XxHash32.Hash(source, destination, seed);
        Produce(destination, written);
        return written;
    }

    [Intercepts("System.IO.Hashing.XxHash32", "TryHash", Sanitizer = M)]
    public static bool XxHash32TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten, int seed)
    {
        Consume(source, "System.IO.Hashing.XxHash32.TryHash(ReadOnlySpan<byte>, Span<byte>, out int, int)");
        bool done = XxHash32.TryHash(source, destination, out bytesWritten, seed);
        Produce(destination, bytesWritten);
        return done;
    }

    [Intercepts("System.IO.Hashing.XxHash32", "HashToUInt32", Sanitizer = M)]
    public static uint XxHash32HashToUInt32(ReadOnlySpan<byte> source, int seed)
    {
        Consume(source, "System.IO.Hashing.XxHash32.HashToUInt32(ReadOnlySpan<byte>, int)");
        return XxHash32.HashToUInt32(source, seed);
    }

    // XxHash64

    [Intercepts("System.IO.Hashing.XxHash64", "Hash", Sanitizer = M)]
    public static byte[] XxHash64Hash(byte[] source)
    {
        Consume(source, "System.IO.Hashing.XxHash64.Hash(byte[])");
        return XxHash64.Hash(source);
    }

    [Intercepts("System.IO.Hashing.XxHash64", "Hash", Sanitizer = M)]
    public static byte[] XxHash64Hash(byte[] source, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash64.Hash(byte[], long)");
        return XxHash64.Hash(source, seed);
    }

    [Intercepts("System.IO.Hashing.XxHash64", "Hash", Sanitizer = M)]
    public static byte[] XxHash64Hash(ReadOnlySpan<byte> source, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash64.Hash(ReadOnlySpan<byte>, long)");
        return XxHash64.Hash(source, seed);
    }

    [Intercepts("System.IO.Hashing.XxHash64", "Hash", Sanitizer = M)]
    public static int XxHash64Hash(ReadOnlySpan<byte> source, Span<byte> destination, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash64.Hash(ReadOnlySpan<byte>, Span<byte>, long)");
        int written = XxHash64.Hash(source, destination, seed);
        Produce(destination, written);
        return written;
    }

    [Intercepts("System.IO.Hashing.XxHash64", "TryHash", Sanitizer = M)]
    public static bool XxHash64TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash64.TryHash(ReadOnlySpan<byte>, Span<byte>, out int, long)");
        bool done = XxHash64.TryHash(source, destination, out bytesWritten, seed);
        Produce(destination, bytesWritten);
        return done;
    }

    [Intercepts("System.IO.Hashing.XxHash64", "HashToUInt64", Sanitizer = M)]
    public static ulong XxHash64HashToUInt64(ReadOnlySpan<byte> source, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash64.HashToUInt64(ReadOnlySpan<byte>, long)");
        return XxHash64.HashToUInt64(source, seed);
    }

    // XxHash3

    [Intercepts("System.IO.Hashing.XxHash3", "Hash", Sanitizer = M)]
    public static byte[] XxHash3Hash(byte[] source)
    {
        Consume(source, "System.IO.Hashing.XxHash3.Hash(byte[])");
        return XxHash3.Hash(source);
    }

    [Intercepts("System.IO.Hashing.XxHash3", "Hash", Sanitizer = M)]
    public static byte[] XxHash3Hash(byte[] source, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash3.Hash(byte[], long)");
        return XxHash3.Hash(source, seed);
    }

    [Intercepts("System.IO.Hashing.XxHash3", "Hash", Sanitizer = M)]
    public static byte[] XxHash3Hash(ReadOnlySpan<byte> source, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash3.Hash(ReadOnlySpan<byte>, long)");
        return XxHash3.Hash(source, seed);
    }

    [Intercepts("System.IO.Hashing.XxHash3", "Hash", Sanitizer = M)]
    public static int XxHash3Hash(ReadOnlySpan<byte> source, Span<byte> destination, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash3.Hash(ReadOnlySpan<byte>, Span<byte>, long)");
        int written = XxHash3.Hash(source, destination, seed);
        Produce(destination, written);
        return written;
    }

    [Intercepts("System.IO.Hashing.XxHash3", "TryHash", Sanitizer = M)]
    public static bool XxHash3TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash3.TryHash(ReadOnlySpan<byte>, Span<byte>, out int, long)");
        bool done = XxHash3.TryHash(source, destination, out bytesWritten, seed);
        Produce(destination, bytesWritten);
        return done;
    }

    [Intercepts("System.IO.Hashing.XxHash3", "HashToUInt64", Sanitizer = M)]
    public static ulong XxHash3HashToUInt64(ReadOnlySpan<byte> source, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash3.HashToUInt64(ReadOnlySpan<byte>, long)");
        return XxHash3.HashToUInt64(source, seed);
    }

    // XxHash128

    [Intercepts("System.IO.Hashing.XxHash128", "Hash", Sanitizer = M)]
    public static byte[] XxHash128Hash(byte[] source)
    {
        Consume(source, "System.IO.Hashing.XxHash128.Hash(byte[])");
        return XxHash128.Hash(source);
    }

    [Intercepts("System.IO.Hashing.XxHash128", "Hash", Sanitizer = M)]
    public static byte[] XxHash128Hash(byte[] source, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash128.Hash(byte[], long)");
        return XxHash128.Hash(source, seed);
    }

    [Intercepts("System.IO.Hashing.XxHash128", "Hash", Sanitizer = M)]
    public static byte[] XxHash128Hash(ReadOnlySpan<byte> source, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash128.Hash(ReadOnlySpan<byte>, long)");
        return XxHash128.Hash(source, seed);
    }

    [Intercepts("System.IO.Hashing.XxHash128", "Hash", Sanitizer = M)]
    public static int XxHash128Hash(ReadOnlySpan<byte> source, Span<byte> destination, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash128.Hash(ReadOnlySpan<byte>, Span<byte>, long)");
        int written = XxHash128.Hash(source, destination, seed);
        Produce(destination, written);
        return written;
    }

    [Intercepts("System.IO.Hashing.XxHash128", "TryHash", Sanitizer = M)]
    public static bool XxHash128TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash128.TryHash(ReadOnlySpan<byte>, Span<byte>, out int, long)");
        bool done = XxHash128.TryHash(source, destination, out bytesWritten, seed);
        Produce(destination, bytesWritten);
        return done;
    }

    [Intercepts("System.IO.Hashing.XxHash128", "HashToUInt128", Sanitizer = M)]
    public static UInt128 XxHash128HashToUInt128(ReadOnlySpan<byte> source, long seed)
    {
        Consume(source, "System.IO.Hashing.XxHash128.HashToUInt128(ReadOnlySpan<byte>, long)");
        return XxHash128.HashToUInt128(source, seed);
    }
}
