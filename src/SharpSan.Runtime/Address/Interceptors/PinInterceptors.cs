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

    const string Site = "PinInterceptors";

    /// <summary>Runs pin bookkeeping; after an internal error in it, unpin poison is no longer trusted (see LostTracking.Pins).</summary>
    static void Track<TState>(TState state, Action<TState> bookkeeping) =>
        Common.InternalErrors.Run(Site, Common.LostTracking.Pins, state, bookkeeping);

    [Intercepts("System.Runtime.InteropServices.GCHandle", "Alloc")]
    public static GCHandle Alloc(object? value, GCHandleType type)
    {
        var handle = GCHandle.Alloc(value, type);
        if (type == GCHandleType.Pinned && value is not null)
        {
            Track((handle, value), static pin =>
            {
                lock (s_pinnedHandles) s_pinnedHandles[GCHandle.ToIntPtr(pin.handle)] = pin.value;
                PinRecords.Pin(pin.value, AddressSanitizer.CaptureStackId(s_alloc));
            });
        }
        return handle;
    }

    [Intercepts("System.Runtime.InteropServices.GCHandle", "Free", Instance = true)]
    public static void Free(ref GCHandle handle)
    {
        object? pinned = null;
        if (handle.IsAllocated)
        {
            var value = GCHandle.ToIntPtr(handle);
            try
            {
                Common.InternalErrors.Inject(Site);
                lock (s_pinnedHandles) s_pinnedHandles.Remove(value, out pinned);
            }
            catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Pins))
            {
            }
        }
        handle.Free();
        if (pinned is not null) Track(pinned, static o => PinRecords.Unpin(o, AddressSanitizer.CaptureStackId(s_free)));
    }

    /// <summary>
    /// Memory&lt;T&gt;.Pin pins inside the BCL (a GCHandle checked code never sees): the pin of the array or string
    /// behind the Memory is recorded, and ends when checked code disposes the MemoryHandle (PinChecks.MemoryHandleDisposing).
    /// </summary>
    [Intercepts("System.Memory`1", "Pin", Instance = true)]
    public static unsafe MemoryHandle MemoryPin<T>(ref Memory<T> memory)
    {
        var handle = memory.Pin();
        Track((Memory: (ReadOnlyMemory<T>)memory, Pointer: (nuint)handle.Pointer), static pin => MemoryPins.Pinned(pin.Memory, (void*)pin.Pointer));
        return handle;
    }

    [Intercepts("System.ReadOnlyMemory`1", "Pin", Instance = true)]
    public static unsafe MemoryHandle ReadOnlyMemoryPin<T>(ref ReadOnlyMemory<T> memory)
    {
        var handle = memory.Pin();
        Track((Memory: memory, Pointer: (nuint)handle.Pointer), static pin => MemoryPins.Pinned(pin.Memory, (void*)pin.Pointer));
        return handle;
    }

    [Intercepts("System.GC", "AllocateArray")]
    public static T[] AllocateArray<T>(int length, bool pinned = false)
    {
        var array = GC.AllocateArray<T>(length, pinned);
        if (pinned) Track<object>(array, static a => PinnedObjects.MarkNeverMoves(a));
        return array;
    }

    [Intercepts("System.GC", "AllocateUninitializedArray")]
    public static T[] AllocateUninitializedArray<T>(int length, bool pinned = false)
    {
        var array = GC.AllocateUninitializedArray<T>(length, pinned);
        if (pinned) Track<object>(array, static a => PinnedObjects.MarkNeverMoves(a));
        return array;
    }
}
