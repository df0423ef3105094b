using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;
using static SharpSan.Runtime.Memory.Bcl.BclShadow;

namespace SharpSan.Runtime.Memory.Bcl;

/// <summary>
/// MemorySanitizer's table of BCL members and their effect on the shadow, one row per member: the
/// <c>[Intercepts]</c> line names the member, the body is its effect (<see cref="BclShadow"/>'s consume, copy or
/// produce) around the real call. This part: members that <b>consume</b> bytes — they leave checked code (streams,
/// sockets, files, the console) or are reduced to a value (decoding, hashing, comparing, reading integers), so each
/// byte must be defined. Members not in the table follow UnknownMemberWritesPass's rule: what they could have written
/// is defined.
/// </summary>
public static partial class BclShadowTable
{
    const string M = "memory";

    // Streams, sockets, files, the console: the bytes leave the process.

    [Intercepts("System.IO.Stream", "Write", Instance = true, Sanitizer = M)]
    public static void Write(Stream stream, ReadOnlySpan<byte> buffer)
    {
        Consume(buffer, "System.IO.Stream.Write(ReadOnlySpan<byte>)");
        stream.Write(buffer);
    }

    [Intercepts("System.IO.Stream", "Write", Instance = true, Sanitizer = M)]
    public static void Write(Stream stream, byte[] buffer, int offset, int count)
    {
        Consume(buffer, offset, count, "System.IO.Stream.Write(byte[], int, int)");
        stream.Write(buffer, offset, count);
    }

    [Intercepts("System.IO.Stream", "WriteAsync", Instance = true, Sanitizer = M)]
    public static ValueTask WriteAsync(Stream stream, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        Consume(buffer, "System.IO.Stream.WriteAsync(ReadOnlyMemory<byte>, CancellationToken)");
        return stream.WriteAsync(buffer, cancellationToken);
    }

    [Intercepts("System.IO.Stream", "WriteAsync", Instance = true, Sanitizer = M)]
    public static Task WriteAsync(Stream stream, byte[] buffer, int offset, int count)
    {
        Consume(buffer, offset, count, "System.IO.Stream.WriteAsync(byte[], int, int)");
        return stream.WriteAsync(buffer, offset, count);
    }

    [Intercepts("System.IO.Stream", "WriteAsync", Instance = true, Sanitizer = M)]
    public static Task WriteAsync(Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Consume(buffer, offset, count, "System.IO.Stream.WriteAsync(byte[], int, int, CancellationToken)");
        return stream.WriteAsync(buffer, offset, count, cancellationToken);
    }

    [Intercepts("System.Net.Sockets.Socket", "Send", Instance = true, Sanitizer = M)]
    public static int Send(Socket socket, byte[] buffer)
    {
        Consume(buffer, "System.Net.Sockets.Socket.Send(byte[])");
        return socket.Send(buffer);
    }

    [Intercepts("System.Net.Sockets.Socket", "Send", Instance = true, Sanitizer = M)]
    public static int Send(Socket socket, byte[] buffer, int offset, int size, SocketFlags socketFlags)
    {
        Consume(buffer, offset, size, "System.Net.Sockets.Socket.Send(byte[], int, int, SocketFlags)");
        return socket.Send(buffer, offset, size, socketFlags);
    }

    [Intercepts("System.Net.Sockets.Socket", "Send", Instance = true, Sanitizer = M)]
    public static int Send(Socket socket, ReadOnlySpan<byte> buffer)
    {
        Consume(buffer, "System.Net.Sockets.Socket.Send(ReadOnlySpan<byte>)");
        return socket.Send(buffer);
    }

    [Intercepts("System.Net.Sockets.Socket", "Send", Instance = true, Sanitizer = M)]
    public static int Send(Socket socket, ReadOnlySpan<byte> buffer, SocketFlags socketFlags)
    {
        Consume(buffer, "System.Net.Sockets.Socket.Send(ReadOnlySpan<byte>, SocketFlags)");
        return socket.Send(buffer, socketFlags);
    }

    [Intercepts("System.IO.File", "WriteAllBytes", Sanitizer = M)]
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        Consume(bytes, "System.IO.File.WriteAllBytes(string, byte[])");
        File.WriteAllBytes(path, bytes);
    }

    [Intercepts("System.IO.RandomAccess", "Write", Sanitizer = M)]
    public static void Write(SafeFileHandle handle, ReadOnlySpan<byte> buffer, long fileOffset)
    {
        Consume(buffer, "System.IO.RandomAccess.Write(SafeFileHandle, ReadOnlySpan<byte>, long)");
        RandomAccess.Write(handle, buffer, fileOffset);
    }

    [Intercepts("System.IO.TextWriter", "Write", Instance = true, Sanitizer = M)]
    public static void Write(TextWriter writer, char[]? buffer)
    {
        Consume(buffer, "System.IO.TextWriter.Write(char[])");
        writer.Write(buffer);
    }

    [Intercepts("System.IO.TextWriter", "Write", Instance = true, Sanitizer = M)]
    public static void Write(TextWriter writer, char[] buffer, int index, int count)
    {
        Consume(buffer, index, count, "System.IO.TextWriter.Write(char[], int, int)");
        writer.Write(buffer, index, count);
    }

    [Intercepts("System.IO.TextWriter", "Write", Instance = true, Sanitizer = M)]
    public static void Write(TextWriter writer, ReadOnlySpan<char> buffer)
    {
        Consume(buffer, "System.IO.TextWriter.Write(ReadOnlySpan<char>)");
        writer.Write(buffer);
    }

    [Intercepts("System.Console", "Write", Sanitizer = M)]
    public static void ConsoleWrite(char[]? buffer)
    {
        Consume(buffer, "System.Console.Write(char[])");
        Console.Write(buffer);
    }

    [Intercepts("System.Console", "Write", Sanitizer = M)]
    public static void ConsoleWrite(char[] buffer, int index, int count)
    {
        Consume(buffer, index, count, "System.Console.Write(char[], int, int)");
        Console.Write(buffer, index, count);
    }

    [Intercepts("System.Console", "WriteLine", Sanitizer = M)]
    public static void ConsoleWriteLine(char[]? buffer)
    {
        Consume(buffer, "System.Console.WriteLine(char[])");
        Console.WriteLine(buffer);
    }

    // Decoding and formatting: the bytes become text.

    [Intercepts("System.Text.Encoding", "GetString", Instance = true, Sanitizer = M)]
    public static string GetString(Encoding encoding, byte[] bytes)
    {
        Consume(bytes, "System.Text.Encoding.GetString(byte[])");
        return encoding.GetString(bytes);
    }

    [Intercepts("System.Text.Encoding", "GetString", Instance = true, Sanitizer = M)]
    public static string GetString(Encoding encoding, byte[] bytes, int index, int count)
    {
        Consume(bytes, index, count, "System.Text.Encoding.GetString(byte[], int, int)");
        return encoding.GetString(bytes, index, count);
    }

    [Intercepts("System.Text.Encoding", "GetString", Instance = true, Sanitizer = M)]
    public static string GetString(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        Consume(bytes, "System.Text.Encoding.GetString(ReadOnlySpan<byte>)");
        return encoding.GetString(bytes);
    }

    [Intercepts("System.Text.Encoding", "GetString", Instance = true, Sanitizer = M)]
    public static unsafe string GetString(Encoding encoding, byte* bytes, int byteCount)
    {
        ConsumeNative(bytes, byteCount, "System.Text.Encoding.GetString(byte*, int)");
        return encoding.GetString(bytes, byteCount);
    }

    [Intercepts("System.Text.Encoding", "GetChars", Instance = true, Sanitizer = M)]
    public static char[] GetChars(Encoding encoding, byte[] bytes)
    {
        Consume(bytes, "System.Text.Encoding.GetChars(byte[])");
        return encoding.GetChars(bytes);
    }

    [Intercepts("System.Text.Encoding", "GetChars", Instance = true, Sanitizer = M)]
    public static int GetChars(Encoding encoding, ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        Consume(bytes, "System.Text.Encoding.GetChars(ReadOnlySpan<byte>, Span<char>)");
        int written = encoding.GetChars(bytes, chars);
        Produce(chars, written);
        return written;
    }

    [Intercepts("System.Convert", "ToBase64String", Sanitizer = M)]
    public static string ToBase64String(byte[] inArray)
    {
        Consume(inArray, "System.Convert.ToBase64String(byte[])");
        return Convert.ToBase64String(inArray);
    }

    [Intercepts("System.Convert", "ToBase64String", Sanitizer = M)]
    public static string ToBase64String(byte[] inArray, int offset, int length)
    {
        Consume(inArray, offset, length, "System.Convert.ToBase64String(byte[], int, int)");
        return Convert.ToBase64String(inArray, offset, length);
    }

    [Intercepts("System.Convert", "ToBase64String", Sanitizer = M)]
    public static string ToBase64String(ReadOnlySpan<byte> bytes, Base64FormattingOptions options)
    {
        Consume(bytes, "System.Convert.ToBase64String(ReadOnlySpan<byte>, Base64FormattingOptions)");
        return Convert.ToBase64String(bytes, options);
    }

    [Intercepts("System.Convert", "ToHexString", Sanitizer = M)]
    public static string ToHexString(byte[] inArray)
    {
        Consume(inArray, "System.Convert.ToHexString(byte[])");
        return Convert.ToHexString(inArray);
    }

    [Intercepts("System.Convert", "ToHexString", Sanitizer = M)]
    public static string ToHexString(byte[] inArray, int offset, int length)
    {
        Consume(inArray, offset, length, "System.Convert.ToHexString(byte[], int, int)");
        return Convert.ToHexString(inArray, offset, length);
    }

    [Intercepts("System.Convert", "ToHexString", Sanitizer = M)]
    public static string ToHexString(ReadOnlySpan<byte> bytes)
    {
        Consume(bytes, "System.Convert.ToHexString(ReadOnlySpan<byte>)");
        return Convert.ToHexString(bytes);
    }

    [Intercepts("System.BitConverter", "ToString", Sanitizer = M)]
    public static string BitConverterToString(byte[] value)
    {
        Consume(value, "System.BitConverter.ToString(byte[])");
        return BitConverter.ToString(value);
    }

    // Reduced to a value: integers read from bytes, comparisons, hashes.

    const string Binary = "System.Buffers.Binary.BinaryPrimitives";

    [Intercepts(Binary, "ReadInt16LittleEndian", Sanitizer = M)]
    public static short ReadInt16LittleEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(2, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadInt16LittleEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadInt16LittleEndian(source); }

    [Intercepts(Binary, "ReadUInt16LittleEndian", Sanitizer = M)]
    public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(2, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadUInt16LittleEndian(source); }

    [Intercepts(Binary, "ReadInt32LittleEndian", Sanitizer = M)]
    public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(4, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadInt32LittleEndian(source); }

    [Intercepts(Binary, "ReadUInt32LittleEndian", Sanitizer = M)]
    public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(4, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadUInt32LittleEndian(source); }

    [Intercepts(Binary, "ReadInt64LittleEndian", Sanitizer = M)]
    public static long ReadInt64LittleEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(8, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadInt64LittleEndian(source); }

    [Intercepts(Binary, "ReadUInt64LittleEndian", Sanitizer = M)]
    public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(8, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadUInt64LittleEndian(source); }

    [Intercepts(Binary, "ReadInt16BigEndian", Sanitizer = M)]
    public static short ReadInt16BigEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(2, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadInt16BigEndian(source); }

    [Intercepts(Binary, "ReadUInt16BigEndian", Sanitizer = M)]
    public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(2, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadUInt16BigEndian(source); }

    [Intercepts(Binary, "ReadInt32BigEndian", Sanitizer = M)]
    public static int ReadInt32BigEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(4, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadInt32BigEndian(source); }

    [Intercepts(Binary, "ReadUInt32BigEndian", Sanitizer = M)]
    public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(4, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadUInt32BigEndian(source); }

    [Intercepts(Binary, "ReadInt64BigEndian", Sanitizer = M)]
    public static long ReadInt64BigEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(8, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadInt64BigEndian(source); }

    [Intercepts(Binary, "ReadUInt64BigEndian", Sanitizer = M)]
    public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> source) { Consume(source[..Math.Min(8, source.Length)], "System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(ReadOnlySpan<byte>)"); return BinaryPrimitives.ReadUInt64BigEndian(source); }

    [Intercepts("System.MemoryExtensions", "SequenceEqual", Sanitizer = M)]
    public static bool SequenceEqual<T>(ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>?
    {
        if (span.Length == other.Length)
        {
            Consume(span, "System.MemoryExtensions.SequenceEqual<T>(ReadOnlySpan<T>, ReadOnlySpan<T>)");
            Consume(other, "System.MemoryExtensions.SequenceEqual<T>(ReadOnlySpan<T>, ReadOnlySpan<T>)");
        }
        return span.SequenceEqual(other);
    }

    [Intercepts("System.MemoryExtensions", "SequenceEqual", Sanitizer = M)]
    public static bool SequenceEqual<T>(Span<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>? => SequenceEqual((ReadOnlySpan<T>)span, other);

    [Intercepts("System.Security.Cryptography.SHA256", "HashData", Sanitizer = M)]
    public static byte[] Sha256HashData(byte[] source)
    {
        Consume(source, "System.Security.Cryptography.SHA256.HashData(byte[])");
        return SHA256.HashData(source);
    }

    [Intercepts("System.Security.Cryptography.SHA256", "HashData", Sanitizer = M)]
    public static byte[] Sha256HashData(ReadOnlySpan<byte> source)
    {
        Consume(source, "System.Security.Cryptography.SHA256.HashData(ReadOnlySpan<byte>)");
        return SHA256.HashData(source);
    }

    [Intercepts("System.Security.Cryptography.SHA1", "HashData", Sanitizer = M)]
    public static byte[] Sha1HashData(byte[] source)
    {
        Consume(source, "System.Security.Cryptography.SHA1.HashData(byte[])");
        return SHA1.HashData(source);
    }

    [Intercepts("System.Security.Cryptography.MD5", "HashData", Sanitizer = M)]
    public static byte[] Md5HashData(byte[] source)
    {
        Consume(source, "System.Security.Cryptography.MD5.HashData(byte[])");
        return MD5.HashData(source);
    }

    [Intercepts("System.Security.Cryptography.HashAlgorithm", "ComputeHash", Instance = true, Sanitizer = M)]
    public static byte[] ComputeHash(HashAlgorithm algorithm, byte[] buffer)
    {
        Consume(buffer, "System.Security.Cryptography.HashAlgorithm.ComputeHash(byte[])");
        return algorithm.ComputeHash(buffer);
    }

    [Intercepts("System.Security.Cryptography.HashAlgorithm", "ComputeHash", Instance = true, Sanitizer = M)]
    public static byte[] ComputeHash(HashAlgorithm algorithm, byte[] buffer, int offset, int count)
    {
        Consume(buffer, offset, count, "System.Security.Cryptography.HashAlgorithm.ComputeHash(byte[], int, int)");
        return algorithm.ComputeHash(buffer, offset, count);
    }

    [Intercepts("System.Security.Cryptography.IncrementalHash", "AppendData", Instance = true, Sanitizer = M)]
    public static void AppendData(IncrementalHash hash, byte[] data)
    {
        Consume(data, "System.Security.Cryptography.IncrementalHash.AppendData(byte[])");
        hash.AppendData(data);
    }

    [Intercepts("System.Security.Cryptography.IncrementalHash", "AppendData", Instance = true, Sanitizer = M)]
    public static void AppendData(IncrementalHash hash, ReadOnlySpan<byte> data)
    {
        Consume(data, "System.Security.Cryptography.IncrementalHash.AppendData(ReadOnlySpan<byte>)");
        hash.AppendData(data);
    }
}
