using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using static SharpSan.Runtime.Memory.Bcl.BclShadow;

namespace SharpSan.Runtime.Memory.Bcl;

/// <summary>
/// The table's <b>produce</b> rows: the bytes a member writes are defined — exactly the range it reports writing
/// (Stream.Read's return value, Encoding.GetBytes's count, TryFormat's charsWritten), or the whole destination when it
/// fills it. Bytes past that range keep their shadow: a rented buffer read into in part is still stale beyond.
/// </summary>
public static unsafe partial class BclShadowTable
{
    [Intercepts("System.IO.Stream", "Read", Instance = true, Sanitizer = M)]
    public static int Read(Stream stream, Span<byte> buffer)
    {
        int n = stream.Read(buffer);
        if (stream is not WrappedMemoryStream) Produce(buffer, n);   // a wrapped stream copied its array's shadow itself
        return n;
    }

    [Intercepts("System.IO.Stream", "Read", Instance = true, Sanitizer = M)]
    public static int Read(Stream stream, byte[] buffer, int offset, int count)
    {
        int n = stream.Read(buffer, offset, count);
        if (stream is not WrappedMemoryStream) Produce(buffer, offset, n);
        return n;
    }

    [Intercepts("System.IO.Stream", "ReadExactly", Instance = true, Sanitizer = M)]
    public static void ReadExactly(Stream stream, Span<byte> buffer)
    {
        stream.ReadExactly(buffer);
        if (stream is not WrappedMemoryStream) Produce(buffer);
    }

    [Intercepts("System.IO.Stream", "ReadExactly", Instance = true, Sanitizer = M)]
    public static void ReadExactly(Stream stream, byte[] buffer, int offset, int count)
    {
        stream.ReadExactly(buffer, offset, count);
        if (stream is not WrappedMemoryStream) Produce(buffer, offset, count);
    }

    [Intercepts("System.IO.Stream", "ReadAtLeast", Instance = true, Sanitizer = M)]
    public static int ReadAtLeast(Stream stream, Span<byte> buffer, int minimumBytes, bool throwOnEndOfStream)
    {
        int n = stream.ReadAtLeast(buffer, minimumBytes, throwOnEndOfStream);
        if (stream is not WrappedMemoryStream) Produce(buffer, n);
        return n;
    }

    /// <summary>Defined by the count once it is known; a read still pending may write any of it later, so all of it is.</summary>
    [Intercepts("System.IO.Stream", "ReadAsync", Instance = true, Sanitizer = M)]
    public static ValueTask<int> ReadAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var pending = stream.ReadAsync(buffer, cancellationToken);
        if (stream is WrappedMemoryStream) return pending;
        if (!pending.IsCompletedSuccessfully) UnknownWroteMemory(buffer);
        else if (MemoryMarshal.TryGetArray<byte>(buffer, out var segment)) Produce(segment.Array, segment.Offset, pending.Result);
        else Produce(buffer.Span, pending.Result);
        return pending;
    }

    [Intercepts("System.Text.Encoding", "GetBytes", Instance = true, Sanitizer = M)]
    public static int GetBytes(Encoding encoding, ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        int n = encoding.GetBytes(chars, bytes);
        Produce(bytes, n);
        return n;
    }

    [Intercepts("System.Text.Encoding", "GetBytes", Instance = true, Sanitizer = M)]
    public static int GetBytes(Encoding encoding, string s, int charIndex, int charCount, byte[] bytes, int byteIndex)
    {
        int n = encoding.GetBytes(s, charIndex, charCount, bytes, byteIndex);
        Produce(bytes, byteIndex, n);
        return n;
    }

    [Intercepts("System.Text.Encoding", "GetBytes", Instance = true, Sanitizer = M)]
    public static int GetBytes(Encoding encoding, char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
    {
        Consume(chars, charIndex, charCount, "System.Text.Encoding.GetBytes(char[], int, int, byte[], int)");
        int n = encoding.GetBytes(chars, charIndex, charCount, bytes, byteIndex);
        Produce(bytes, byteIndex, n);
        return n;
    }

    [Intercepts("System.Security.Cryptography.RandomNumberGenerator", "Fill", Sanitizer = M)]
    public static void Fill(Span<byte> data)
    {
        RandomNumberGenerator.Fill(data);
        Produce(data);
    }

    [Intercepts("System.Security.Cryptography.RandomNumberGenerator", "GetBytes", Instance = true, Sanitizer = M)]
    public static void GetBytes(RandomNumberGenerator generator, byte[] data)
    {
        generator.GetBytes(data);
        Produce(data, 0, data?.Length ?? 0);
    }

    [Intercepts("System.Random", "NextBytes", Instance = true, Sanitizer = M)]
    public static void NextBytes(Random random, byte[] buffer)
    {
        random.NextBytes(buffer);
        Produce(buffer, 0, buffer?.Length ?? 0);
    }

    [Intercepts("System.Random", "NextBytes", Instance = true, Sanitizer = M)]
    public static void NextBytes(Random random, Span<byte> buffer)
    {
        random.NextBytes(buffer);
        Produce(buffer);
    }

    [Intercepts(Binary, "WriteInt16LittleEndian", Sanitizer = M)]
    public static void WriteInt16LittleEndian(Span<byte> destination, short value) { BinaryPrimitives.WriteInt16LittleEndian(destination, value); Produce(destination, 2); }

    [Intercepts(Binary, "WriteUInt16LittleEndian", Sanitizer = M)]
    public static void WriteUInt16LittleEndian(Span<byte> destination, ushort value) { BinaryPrimitives.WriteUInt16LittleEndian(destination, value); Produce(destination, 2); }

    [Intercepts(Binary, "WriteInt32LittleEndian", Sanitizer = M)]
    public static void WriteInt32LittleEndian(Span<byte> destination, int value) { BinaryPrimitives.WriteInt32LittleEndian(destination, value); Produce(destination, 4); }

    [Intercepts(Binary, "WriteUInt32LittleEndian", Sanitizer = M)]
    public static void WriteUInt32LittleEndian(Span<byte> destination, uint value) { BinaryPrimitives.WriteUInt32LittleEndian(destination, value); Produce(destination, 4); }

    [Intercepts(Binary, "WriteInt64LittleEndian", Sanitizer = M)]
    public static void WriteInt64LittleEndian(Span<byte> destination, long value) { BinaryPrimitives.WriteInt64LittleEndian(destination, value); Produce(destination, 8); }

    [Intercepts(Binary, "WriteUInt64LittleEndian", Sanitizer = M)]
    public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value) { BinaryPrimitives.WriteUInt64LittleEndian(destination, value); Produce(destination, 8); }

    [Intercepts(Binary, "WriteInt16BigEndian", Sanitizer = M)]
    public static void WriteInt16BigEndian(Span<byte> destination, short value) { BinaryPrimitives.WriteInt16BigEndian(destination, value); Produce(destination, 2); }

    [Intercepts(Binary, "WriteUInt16BigEndian", Sanitizer = M)]
    public static void WriteUInt16BigEndian(Span<byte> destination, ushort value) { BinaryPrimitives.WriteUInt16BigEndian(destination, value); Produce(destination, 2); }

    [Intercepts(Binary, "WriteInt32BigEndian", Sanitizer = M)]
    public static void WriteInt32BigEndian(Span<byte> destination, int value) { BinaryPrimitives.WriteInt32BigEndian(destination, value); Produce(destination, 4); }

    [Intercepts(Binary, "WriteUInt32BigEndian", Sanitizer = M)]
    public static void WriteUInt32BigEndian(Span<byte> destination, uint value) { BinaryPrimitives.WriteUInt32BigEndian(destination, value); Produce(destination, 4); }

    [Intercepts(Binary, "WriteInt64BigEndian", Sanitizer = M)]
    public static void WriteInt64BigEndian(Span<byte> destination, long value) { BinaryPrimitives.WriteInt64BigEndian(destination, value); Produce(destination, 8); }

    [Intercepts(Binary, "WriteUInt64BigEndian", Sanitizer = M)]
    public static void WriteUInt64BigEndian(Span<byte> destination, ulong value) { BinaryPrimitives.WriteUInt64BigEndian(destination, value); Produce(destination, 8); }

    [Intercepts("System.Span`1", "Fill", Instance = true, Sanitizer = M)]
    public static void Fill<T>(ref Span<T> span, T value)
    {
        span.Fill(value);
        Produce(span);
    }

    [Intercepts("System.Span`1", "Clear", Instance = true, Sanitizer = M)]
    public static void Clear<T>(ref Span<T> span)
    {
        span.Clear();
        Produce(span);
    }

    [Intercepts("System.Array", "Clear", Sanitizer = M)]
    public static void ArrayClear(Array array)
    {
        Array.Clear(array);
        DefineArray(array, 0, long.MaxValue / 2);
    }

    [Intercepts("System.Array", "Clear", Sanitizer = M)]
    public static void ArrayClear(Array array, int index, int length)
    {
        Array.Clear(array, index, length);
        if (RentedArrays.BitsOf(array, out _) is { } bits && array.Length > 0)
        {
            int size = bits.Length / array.Length;
            DefineArray(array, (long)index * size, (long)length * size);
        }
    }

    [Intercepts("System.Array", "Fill", Sanitizer = M)]
    public static void ArrayFill<T>(T[] array, T value)
    {
        Array.Fill(array, value);
        Produce(array, 0, array?.Length ?? 0);
    }

    [Intercepts("System.Int32", "TryFormat", Instance = true, Sanitizer = M)]
    public static bool TryFormat(ref int value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        bool done = value.TryFormat(destination, out charsWritten, format, provider);
        Produce(destination, charsWritten);
        return done;
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "InitBlock", Sanitizer = M)]
    public static void InitBlock(void* startAddress, byte value, uint byteCount)
    {
        Unsafe.InitBlock(startAddress, value, byteCount);
        DefineNative(startAddress, byteCount);
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "InitBlockUnaligned", Sanitizer = M)]
    public static void InitBlockUnaligned(void* startAddress, byte value, uint byteCount)
    {
        Unsafe.InitBlockUnaligned(startAddress, value, byteCount);
        DefineNative(startAddress, byteCount);
    }
}
