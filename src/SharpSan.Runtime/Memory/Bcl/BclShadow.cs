using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Memory.Bcl;

/// <summary>
/// The three effects a BCL member has on the shadow (<see cref="BclShadowTable"/> says which member has which):
/// <b>consume</b> — the bytes leave checked code, each must be defined (a report names the member and the offset);
/// <b>copy</b> — the shadow moves with the bytes; <b>produce</b> — the written bytes are defined. Native memory keeps
/// its shadow in <see cref="DefinednessShadow"/>, tracked managed arrays in <see cref="RentedArrays"/>; spans over
/// any other managed memory have no shadow and cost one directory read. Every step is contained: a failed consume
/// check hides a report, a failed copy defines the destination, a produce never fails — an internal error never
/// invents a report.
/// </summary>
public static unsafe class BclShadow
{
    const string ConsumeSite = "MemorySanitizer.BclConsume", CopySite = "MemorySanitizer.BclCopy";

    // ---- consume ----

    /// <summary>The bytes of <paramref name="data"/> leave checked code through <paramref name="member"/>.</summary>
    public static void Consume<T>(ReadOnlySpan<T> data, string member)
    {
        if (data.IsEmpty || RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return;
        fixed (byte* p = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(data))) ConsumeNative(p, (long)data.Length * Unsafe.SizeOf<T>(), member);
    }

    public static void ConsumeNative(void* data, long length, string member)
    {
        if (data == null || length <= 0) return;
        try
        {
            Common.InternalErrors.Inject(ConsumeSite);
            long at = DefinednessShadow.FirstUndefined((nuint)data, (nuint)length, out int origin);
            if (at >= 0) MemorySanitizer.ReportConsumed(origin, SyntheticFrames.Register(member), at, (nuint)length);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ConsumeSite, e))
        {
        }
    }

    /// <summary>Elements [start, start+count) of <paramref name="array"/> leave checked code (clamped: the member itself throws on bad ranges).</summary>
    public static void Consume<T>(T[]? array, long start, long count, string member)
    {
        if (array is null || RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return;
        long size = Unsafe.SizeOf<T>();
        ConsumeArray(array, start * size, count * size, member);
    }

    public static void Consume<T>(T[]? array, string member) => Consume(array, 0, array?.Length ?? 0, member);

    static void ConsumeArray(Array array, long startByte, long countBytes, string member)
    {
        if (countBytes <= 0) return;
        try
        {
            Common.InternalErrors.Inject(ConsumeSite);
            long at = RentedArrays.FirstUndefined(array, startByte, countBytes, out int origin);
            if (at >= 0) MemorySanitizer.ReportConsumed(origin, SyntheticFrames.Register(member), at, (nuint)countBytes);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ConsumeSite, e))
        {
        }
    }

    /// <summary>A <see cref="ReadOnlyMemory{T}"/> consumed: over an array its tracked shadow, else the memory its span covers.</summary>
    public static void Consume<T>(ReadOnlyMemory<T> data, string member)
    {
        if (MemoryMarshal.TryGetArray(data, out ArraySegment<T> segment)) Consume(segment.Array, segment.Offset, segment.Count, member);
        else Consume(data.Span, member);
    }

    // ---- copy ----

    /// <summary>Span to span (memmove): native shadow moves; a managed side has none (it reads as defined).</summary>
    public static void Copy<T>(ReadOnlySpan<T> source, Span<T> destination, int count)
    {
        if (count <= 0 || RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return;
        count = Math.Min(count, Math.Min(source.Length, destination.Length));
        fixed (byte* s = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(source)))
        fixed (byte* d = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(destination)))
            CopyNative(d, s, (nuint)count * (nuint)Unsafe.SizeOf<T>());
    }

    public static void CopyNative(void* destination, void* source, nuint bytes)
    {
        if (destination == null || source == null || bytes == 0) return;
        try
        {
            Common.InternalErrors.Inject(CopySite);
            if (IsNative(destination, bytes)) DefinednessShadow.Copy((nuint)destination, (nuint)source, bytes);
            else DefineNative(destination, bytes);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CopySite, e))
        {
            DefineNative(destination, bytes);
        }
    }

    /// <summary>Bytes of one array to another (Array.Copy, Buffer.BlockCopy): a tracked source's shadow follows; an untracked one defines.</summary>
    public static void CopyArrays(Array? source, long sourceByte, Array? destination, long destinationByte, long bytes)
    {
        if (source is null || destination is null || bytes <= 0) return;
        try
        {
            Common.InternalErrors.Inject(CopySite);
            var from = RentedArrays.BitsOf(source, out int origin);
            if (from is null)
            {
                RentedArrays.Define(destination, destinationByte, bytes);
                return;
            }
            if (!InRange(from.Length, sourceByte, bytes)) return;
            var to = RentedArrays.TrackedBits(destination, ElementSize(destination, from.Length / Math.Max(1, source.Length)), 0);
            if (!InRange(to.Length, destinationByte, bytes)) return;
            Array.Copy(from, sourceByte, to, destinationByte, bytes);
            if (from.AsSpan((int)sourceByte, (int)bytes).IndexOfAnyExcept((byte)0) >= 0) RentedArrays.TrackedBits(destination, 1, new DefinednessShadow.CopyOriginChain().Of(origin));
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CopySite, e))
        {
            RentedArrays.Define(destination, destinationByte, bytes);
        }
    }

    /// <summary>Array bytes to native memory (Marshal.Copy out of an array, CopyTo from an array into a native span).</summary>
    public static void CopyArrayToNative(Array? source, long sourceByte, void* destination, long bytes)
    {
        if (source is null || destination == null || bytes <= 0) return;
        try
        {
            Common.InternalErrors.Inject(CopySite);
            var from = RentedArrays.BitsOf(source, out int origin);
            DefineNative(destination, (nuint)bytes);
            if (from is null || !InRange(from.Length, sourceByte, bytes) || !IsNative(destination, (nuint)bytes)) return;
            var chain = new DefinednessShadow.CopyOriginChain();
            for (long k = 0; k < bytes; k++)
                if (from[sourceByte + k] != 0) DefinednessShadow.Store((nuint)destination + (nuint)k, 1, from[sourceByte + k], chain.Of(origin));
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CopySite, e))
        {
            DefineNative(destination, (nuint)bytes);
        }
    }

    /// <summary>Native bytes into an array (Marshal.Copy into an array): undefined native bytes make the array tracked.</summary>
    public static void CopyNativeToArray(void* source, Array? destination, long destinationByte, long bytes)
    {
        if (source == null || destination is null || bytes <= 0) return;
        try
        {
            Common.InternalErrors.Inject(CopySite);
            if (DefinednessShadow.FirstUndefined((nuint)source, (nuint)bytes, out int origin) < 0)
            {
                RentedArrays.Define(destination, destinationByte, bytes);
                return;
            }
            var to = RentedArrays.TrackedBits(destination, ElementSize(destination, 1), new DefinednessShadow.CopyOriginChain().Of(origin));
            if (!InRange(to.Length, destinationByte, bytes)) return;
            for (long k = 0; k < bytes; k++) to[destinationByte + k] = (byte)DefinednessShadow.Load((nuint)source + (nuint)k, 1, out _);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CopySite, e))
        {
            RentedArrays.Define(destination, destinationByte, bytes);
        }
    }

    /// <summary>Array.Copy: element indices, converted to bytes with each array's element size.</summary>
    public static void CopyArrayElements(Array? source, long sourceIndex, Array? destination, long destinationIndex, long count)
    {
        if (source is null || destination is null || count <= 0) return;
        var from = RentedArrays.BitsOf(source, out _);
        var to = RentedArrays.BitsOf(destination, out _);
        if (from is null && to is null) return;   // neither tracked: nothing to follow
        int sourceSize = from is null ? ElementSize(source, 1) : from.Length / Math.Max(1, source.Length);
        int destinationSize = to is null ? ElementSize(destination, sourceSize) : to.Length / Math.Max(1, destination.Length);
        if (sourceSize != destinationSize)
        {
            DefineArray(destination, destinationIndex * destinationSize, count * destinationSize);   // a converting copy: values, not bytes
            return;
        }
        CopyArrays(source, sourceIndex * sourceSize, destination, destinationIndex * destinationSize, count * sourceSize);
    }

    /// <summary>Bytes per element: exact for primitive elements, else <paramref name="fallback"/> (Array.Copy needs compatible element types).</summary>
    static int ElementSize(Array array, int fallback) =>
        array.Length > 0 && array.GetType().GetElementType() is { IsPrimitive: true } ? (int)(Buffer.ByteLength(array) / array.Length) : Math.Max(1, fallback);

    /// <summary>Memory with shadow pages at both ends: poisoned native memory, where an undefined shadow may be written.</summary>
    static bool IsNative(void* data, nuint bytes) =>
        DefinednessShadow.HasPage((nuint)data) && DefinednessShadow.HasPage((nuint)data + bytes - 1);

    static bool InRange(int length, long start, long count) => start >= 0 && count >= 0 && start + count <= length;

    // ---- produce ----

    /// <summary>The first <paramref name="count"/> elements of <paramref name="written"/> were written by the member: defined.</summary>
    public static void Produce<T>(Span<T> written, long count)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return;
        count = Math.Clamp(count, 0, written.Length);
        if (count == 0) return;
        fixed (byte* p = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(written))) DefineNative(p, (nuint)count * (nuint)Unsafe.SizeOf<T>());
    }

    public static void Produce<T>(Span<T> written) => Produce(written, written.Length);

    /// <summary>Elements [start, start+count) of <paramref name="array"/> were written: defined.</summary>
    public static void Produce<T>(T[]? array, long start, long count)
    {
        if (array is null || count <= 0 || RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return;
        long size = Unsafe.SizeOf<T>();
        DefineArray(array, start * size, count * size);
    }

    public static void DefineNative(void* data, nuint bytes)
    {
        try
        {
            if (data != null && bytes != 0) DefinednessShadow.Unpoison((nuint)data, bytes);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CopySite, e))
        {
        }
    }

    public static void DefineArray(Array? array, long startByte, long bytes)
    {
        try
        {
            RentedArrays.Define(array, startByte, bytes);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CopySite, e))
        {
        }
    }

    // ---- unknown members (UnknownMemberWritesPass calls these after each call it does not know) ----

    /// <summary>An unknown member got a Memory it may write now or later: its array is no longer followed, native memory is defined.</summary>
    public static void UnknownWroteMemory<T>(Memory<T> memory) => UnknownWroteReadOnlyMemory<T>(memory);

    /// <summary>A ReadOnlyMemory may be made writable again (MemoryMarshal.AsMemory): treated as a Memory.</summary>
    public static void UnknownWroteReadOnlyMemory<T>(ReadOnlyMemory<T> memory)
    {
        if (memory.IsEmpty || RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return;
        try
        {
            if (MemoryMarshal.TryGetArray(memory, out ArraySegment<T> segment))
            {
                RentedArrays.Escape(segment.Array);
                return;
            }
            var span = memory.Span;
            fixed (byte* p = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(span))) DefineNative(p, (nuint)span.Length * (nuint)Unsafe.SizeOf<T>());
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CopySite, e))
        {
        }
    }
}
