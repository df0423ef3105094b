using System.Buffers;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Address.Pins;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>
/// Pins made through APIs rather than <c>fixed</c>: pinned GCHandles (pin at Alloc, unpin at Free) and arrays
/// allocated on the pinned object heap, which never move and so are never poisoned when a pin on them ends.
/// </summary>
public static class PinInterceptors
{
    static readonly int s_alloc = SyntheticFrames.Register("System.Runtime.InteropServices.GCHandle.Alloc(object, GCHandleType)");
    static readonly int s_free = SyntheticFrames.Register("System.Runtime.InteropServices.GCHandle.Free()");

    /// <summary>Pinned handles checked code holds, by handle value, with the object they pin.</summary>
    static readonly Dictionary<nint, object> s_pinnedHandles = [];

    [Intercepts("System.Runtime.InteropServices.GCHandle", "Alloc")]
    public static GCHandle Alloc(object? value, GCHandleType type)
    {
        var handle = GCHandle.Alloc(value, type);
        if (type == GCHandleType.Pinned && value is not null)
        {
            lock (s_pinnedHandles) s_pinnedHandles[GCHandle.ToIntPtr(handle)] = value;
            PinRecords.Pin(value, AddressSanitizer.CaptureStackId(s_alloc));
        }
        return handle;
    }

    [Intercepts("System.Runtime.InteropServices.GCHandle", "Free", Instance = true)]
    public static void Free(ref GCHandle handle)
    {
        object? pinned = null;
        if (handle.IsAllocated)
            lock (s_pinnedHandles) s_pinnedHandles.Remove(GCHandle.ToIntPtr(handle), out pinned);
        handle.Free();
        if (pinned is not null) PinRecords.Unpin(pinned, AddressSanitizer.CaptureStackId(s_free));
    }

    /// <summary>
    /// Memory&lt;T&gt;.Pin pins inside the BCL (a GCHandle checked code never sees): its pointer may reach an object
    /// whose earlier pin ended, so the pin lifts that poison (the pin itself is not tracked).
    /// </summary>
    [Intercepts("System.Memory`1", "Pin", Instance = true)]
    public static unsafe MemoryHandle MemoryPin<T>(ref Memory<T> memory)
    {
        var handle = memory.Pin();
        if (handle.Pointer != null) PinRecords.PinningAt((nuint)handle.Pointer);
        return handle;
    }

    [Intercepts("System.ReadOnlyMemory`1", "Pin", Instance = true)]
    public static unsafe MemoryHandle ReadOnlyMemoryPin<T>(ref ReadOnlyMemory<T> memory)
    {
        var handle = memory.Pin();
        if (handle.Pointer != null) PinRecords.PinningAt((nuint)handle.Pointer);
        return handle;
    }

    [Intercepts("System.GC", "AllocateArray")]
    public static T[] AllocateArray<T>(int length, bool pinned = false)
    {
        var array = GC.AllocateArray<T>(length, pinned);
        if (pinned) PinnedObjects.MarkNeverMoves(array);
        return array;
    }

    [Intercepts("System.GC", "AllocateUninitializedArray")]
    public static T[] AllocateUninitializedArray<T>(int length, bool pinned = false)
    {
        var array = GC.AllocateUninitializedArray<T>(length, pinned);
        if (pinned) PinnedObjects.MarkNeverMoves(array);
        return array;
    }
}
