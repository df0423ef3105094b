using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Pins;

/// <summary>
/// Pins made by Memory&lt;T&gt;.Pin and ended by MemoryHandle.Dispose. The handle only holds a pointer, so the array or
/// string behind each pin is kept here by that pointer (with a count: one Memory may be pinned twice at once).
/// Memory over native memory or a custom MemoryManager has no owner we can see: its pin only lifts poison.
/// </summary>
internal static class MemoryPins
{
    static readonly int s_pin = SyntheticFrames.Register("System.Memory<T>.Pin()");
    static readonly int s_dispose = SyntheticFrames.Register("System.Buffers.MemoryHandle.Dispose()");

    static readonly Dictionary<nuint, (object Owner, int Count)> s_byPointer = [];

    public static unsafe void Pinned<T>(ReadOnlyMemory<T> memory, void* pointer)
    {
        if (pointer == null) return;
        if (OwnerOf(memory) is not { } owner)
        {
            PinRecords.PinningAt((nuint)pointer, (nuint)memory.Length * (nuint)Unsafe.SizeOf<T>());
            return;
        }
        PinRecords.Pin(owner, AddressSanitizer.CaptureStackId(s_pin));
        lock (s_byPointer)
            s_byPointer[(nuint)pointer] = s_byPointer.TryGetValue((nuint)pointer, out var pin) ? (pin.Owner, pin.Count + 1) : (owner, 1);
    }

    /// <summary>A MemoryHandle holding <paramref name="pointer"/> is being disposed: its pin ends.</summary>
    public static unsafe void Disposing(void* pointer, int site)
    {
        if (pointer == null) return;
        object owner;
        lock (s_byPointer)
        {
            if (!s_byPointer.TryGetValue((nuint)pointer, out var pin)) return;
            if (pin.Count > 1) s_byPointer[(nuint)pointer] = (pin.Owner, pin.Count - 1);
            else s_byPointer.Remove((nuint)pointer);
            owner = pin.Owner;
        }
        PinRecords.Unpin(owner, AddressSanitizer.CaptureStackId(s_dispose, site));
    }

    static object? OwnerOf<T>(ReadOnlyMemory<T> memory)
    {
        if (MemoryMarshal.TryGetArray(memory, out var segment)) return segment.Array;
        if (typeof(T) == typeof(char) && MemoryMarshal.TryGetString(Unsafe.As<ReadOnlyMemory<T>, ReadOnlyMemory<char>>(ref memory), out var text, out _, out _))
            return text;
        return null;
    }
}
