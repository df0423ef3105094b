using System.Runtime.InteropServices;
using static SharpSan.Runtime.Memory.Bcl.BclShadow;

namespace SharpSan.Runtime.Memory.Bcl;

/// <summary>
/// BCL objects that wrap a caller's buffer carry its shadow to where the bytes are consumed. A
/// <c>new MemoryStream(array…)</c> over a tracked array becomes a <see cref="WrappedMemoryStream"/>; a
/// <c>Memory&lt;T&gt;</c> made over an array keeps the array tracked (these rows are in the table, so the shadow pass
/// does not let the array escape) until something the table cannot follow gets it: its <c>Span</c>, a <c>Pin</c>, or
/// an unknown member (UnknownMemberWritesPass).
/// </summary>
public static class WrappedBuffers
{
    const string M = "memory";
    const string MemoryStreamType = "System.IO.MemoryStream";

    [Intercepts(MemoryStreamType, ".ctor", Sanitizer = M)]
    public static MemoryStream NewMemoryStream(byte[] buffer) => Wrap(buffer, 0, buffer?.Length ?? 0, true, false);

    [Intercepts(MemoryStreamType, ".ctor", Sanitizer = M)]
    public static MemoryStream NewMemoryStream(byte[] buffer, bool writable) => Wrap(buffer, 0, buffer?.Length ?? 0, writable, false);

    [Intercepts(MemoryStreamType, ".ctor", Sanitizer = M)]
    public static MemoryStream NewMemoryStream(byte[] buffer, int index, int count) => Wrap(buffer, index, count, true, false);

    [Intercepts(MemoryStreamType, ".ctor", Sanitizer = M)]
    public static MemoryStream NewMemoryStream(byte[] buffer, int index, int count, bool writable) => Wrap(buffer, index, count, writable, false);

    [Intercepts(MemoryStreamType, ".ctor", Sanitizer = M)]
    public static MemoryStream NewMemoryStream(byte[] buffer, int index, int count, bool writable, bool publiclyVisible) =>
        Wrap(buffer, index, count, writable, publiclyVisible);

    /// <summary>Only a tracked array needs following; any other stays an ordinary MemoryStream (the constructor validates as it would).</summary>
    static MemoryStream Wrap(byte[] buffer, int index, int count, bool writable, bool publiclyVisible)
    {
        bool tracked;
        try
        {
            tracked = RentedArrays.BitsOf(buffer, out _) is not null;
        }
        catch (Exception e) when (Common.InternalErrors.Contain("MemorySanitizer.WrapMemoryStream", e))
        {
            tracked = false;
        }
        if (!tracked) return new MemoryStream(buffer, index, count, writable, publiclyVisible);
        return new WrappedMemoryStream(buffer, index, count, writable, publiclyVisible);
    }

    // Memory<T> over an array: the array stays tracked (these rows keep the shadow pass from letting it escape).

    [Intercepts("System.Memory`1", ".ctor", Sanitizer = M)]
    public static Memory<T> NewMemory<T>(T[]? array) => new(array);

    [Intercepts("System.Memory`1", ".ctor", Sanitizer = M)]
    public static Memory<T> NewMemory<T>(T[]? array, int start, int length) => new(array, start, length);

    [Intercepts("System.ReadOnlyMemory`1", ".ctor", Sanitizer = M)]
    public static ReadOnlyMemory<T> NewReadOnlyMemory<T>(T[]? array) => new(array);

    [Intercepts("System.ReadOnlyMemory`1", ".ctor", Sanitizer = M)]
    public static ReadOnlyMemory<T> NewReadOnlyMemory<T>(T[]? array, int start, int length) => new(array, start, length);

    [Intercepts("System.MemoryExtensions", "AsMemory", Sanitizer = M)]
    public static Memory<T> AsMemory<T>(T[]? array) => array.AsMemory();

    [Intercepts("System.MemoryExtensions", "AsMemory", Sanitizer = M)]
    public static Memory<T> AsMemory<T>(T[]? array, int start) => array.AsMemory(start);

    [Intercepts("System.MemoryExtensions", "AsMemory", Sanitizer = M)]
    public static Memory<T> AsMemory<T>(T[]? array, int start, int length) => array.AsMemory(start, length);

    [Intercepts("System.Memory`1", "op_Implicit", Sanitizer = M)]
    public static Memory<T> ToMemory<T>(T[]? array) => array;

    [Intercepts("System.Memory`1", "op_Implicit", Sanitizer = M)]
    public static ReadOnlyMemory<T> ToReadOnlyMemory<T>(Memory<T> memory) => memory;

    /// <summary>Writes through the span are not followed: the array is defined from here on.</summary>
    [Intercepts("System.Memory`1", "get_Span", Instance = true, Sanitizer = M)]
    public static Span<T> Span<T>(ref Memory<T> memory)
    {
        UnknownWroteMemory(memory);
        return memory.Span;
    }

    [Intercepts("System.Memory`1", "Pin", Instance = true, Sanitizer = M)]
    public static System.Buffers.MemoryHandle Pin<T>(ref Memory<T> memory)
    {
        UnknownWroteMemory(memory);
        return memory.Pin();
    }

    [Intercepts("System.ReadOnlyMemory`1", "Pin", Instance = true, Sanitizer = M)]
    public static System.Buffers.MemoryHandle Pin<T>(ref ReadOnlyMemory<T> memory)
    {
        UnknownWroteReadOnlyMemory(memory);
        return memory.Pin();
    }

    /// <summary>The segment's array is read and written with ldelem/stelem from here: it stays tracked.</summary>
    [Intercepts("System.Runtime.InteropServices.MemoryMarshal", "TryGetArray", Sanitizer = M)]
    public static bool TryGetArray<T>(ReadOnlyMemory<T> memory, out ArraySegment<T> segment) => MemoryMarshal.TryGetArray(memory, out segment);
}

/// <summary>
/// A MemoryStream over a tracked (rented, uninitialised) array. Every write to a MemoryStream — the program's, a
/// BinaryWriter's, another stream's CopyTo — goes through its virtual Write methods, so the overrides below see them
/// all and define what they wrote. Bytes leave through WriteTo and CopyTo (consumed), ToArray (the copy keeps the
/// shadow) and Read (the destination takes it).
/// </summary>
internal sealed unsafe class WrappedMemoryStream(byte[] buffer, int index, int count, bool writable, bool publiclyVisible)
    : MemoryStream(buffer, index, count, writable, publiclyVisible)
{
    readonly byte[] _array = buffer;
    readonly int _origin = index;

    /// <summary>Bytes [from, position+count) were written: from the old length when the write started past it (the gap is zero-filled).</summary>
    void Wrote(long position, long lengthBefore, long count) =>
        DefineArray(_array, _origin + Math.Min(position, lengthBefore), position + count - Math.Min(position, lengthBefore));

    public override void Write(byte[] buffer, int offset, int count)
    {
        long position = Position, length = Length;
        base.Write(buffer, offset, count);
        Wrote(position, length, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        long position = Position, length = Length;
        base.Write(buffer);
        Wrote(position, length, buffer.Length);
    }

    public override void WriteByte(byte value)
    {
        long position = Position, length = Length;
        base.WriteByte(value);
        Wrote(position, length, 1);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void SetLength(long value)
    {
        long length = Length;
        base.SetLength(value);
        if (value > length) DefineArray(_array, _origin + length, value - length);
    }

    public override void WriteTo(Stream stream)
    {
        Consume(_array, _origin, Length, "System.IO.MemoryStream.WriteTo(Stream)");
        base.WriteTo(stream);
    }

    public override void CopyTo(Stream destination, int bufferSize)
    {
        Consume(_array, _origin + Position, Length - Position, "System.IO.MemoryStream.CopyTo(Stream, int)");
        base.CopyTo(destination, bufferSize);
    }

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        Consume(_array, _origin + Position, Length - Position, "System.IO.MemoryStream.CopyToAsync(Stream, int, CancellationToken)");
        return base.CopyToAsync(destination, bufferSize, cancellationToken);
    }

    /// <summary>The bytes from Position to Length leave checked code through <paramref name="member"/> (a hash reading the stream).</summary>
    internal void ConsumeRest(string member) => Consume(_array, _origin + Position, Length - Position, member);

    public override byte[] ToArray()
    {
        var copy = base.ToArray();
        CopyArrays(_array, _origin, copy, 0, copy.Length);
        return copy;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        long position = Position;
        int n = base.Read(buffer, offset, count);
        CopyArrays(_array, _origin + position, buffer, offset, n);
        return n;
    }

    public override int Read(Span<byte> buffer)
    {
        long position = Position;
        int n = base.Read(buffer);
        fixed (byte* p = buffer) CopyArrayToNative(_array, _origin + position, p, n);
        return n;
    }
}
