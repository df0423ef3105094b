using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Pins;

namespace SharpSan.Runtime.Tests.Pins;

/// <summary>
/// The pin bookkeeping behind use-after-unpin: the last of nested pins poisons, a new pin lifts the poison, pinned-heap
/// arrays never get poisoned, GC-tracked references are forgiven, and poison of a moved or dead object stays until a pin claims the memory.
/// </summary>
public sealed unsafe class PinRecordsTests
{
    static nuint DataOf(byte[] array) => (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));

    static bool IsUnpinned(nuint address) => ShadowMemory.Read(address) == unchecked((sbyte)ShadowCode.Unpinned);

    [Fact]
    public void NestedPins_OnlyTheLastUnpinPoisons_AndPinningAgainLifts()
    {
        var array = new byte[64];
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);   // keep the address stable for the test
        try
        {
            nuint data = DataOf(array);
            PinRecords.Pin(array, 0);
            PinRecords.Pin(array, 0);
            PinRecords.Unpin(array, 0);
            Assert.False(IsUnpinned(data));

            PinRecords.Unpin(array, 0);
            Assert.True(IsUnpinned(data));
            Assert.True(IsUnpinned(data + 56));

            PinRecords.Pin(array, 0);
            Assert.False(IsUnpinned(data));
            PinRecords.Unpin(array, 0);
            Assert.True(IsUnpinned(data));
            PinRecords.Pin(array, 0);   // leave it clean for other tests
            PinRecords.Unpin(array, 0);
            PinRecords.Pin(array, 0);
        }
        finally
        {
            handle.Free();
        }
    }

    [Fact]
    public void UnpinWithoutPin_IsIgnored()
    {
        var array = new byte[32];
        PinRecords.Unpin(array, 0);
        Assert.False(IsUnpinned(DataOf(array)));
    }

    [Fact]
    public void PinnedHeapArrays_AreNeverPoisoned()
    {
        var array = GC.AllocateArray<byte>(64, pinned: true);
        PinnedObjects.MarkNeverMoves(array);
        PinRecords.Pin(array, 0);
        PinRecords.Unpin(array, 0);
        Assert.False(IsUnpinned(DataOf(array)));
    }

    [Fact]
    public void Reconsider_ForgivesReferences_AndConfirmsPointersWhileTheObjectStaysPut()
    {
        var array = new byte[48];
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            nuint data = DataOf(array);
            PinRecords.Pin(array, 0);
            PinRecords.Unpin(array, 0);

            Assert.Equal(0u, (ulong)PinRecords.Reconsider(data + 8, 4, data + 8, throughReference: true));
            Assert.Equal((ulong)(data + 8), (ulong)PinRecords.Reconsider(data + 8, 4, data + 8, throughReference: false));
            PinRecords.Pin(array, 0);
        }
        finally
        {
            handle.Free();
        }
    }

    [Fact]
    public void PoisonOfAnObjectThatDied_StaysUntilAPinClaimsTheMemory()
    {
        nuint data = PinAndDrop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        PinRecords.Sweep();
        Assert.True(IsUnpinned(data));   // a stale pointer into the freed range is still a use-after-unpin
        Assert.Equal((ulong)data, (ulong)PinRecords.Reconsider(data, 4, data, throughReference: false));

        PinRecords.PinningAt(data, 80);   // the GC handed the memory to an object being pinned now
        Assert.False(IsUnpinned(data));
        Assert.False(IsUnpinned(data + 72));
    }

    [Fact]
    public void PoisonNoRecordClaims_IsLifted()
    {
        var array = new byte[64];
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            nuint data = DataOf(array);
            ShadowMemory.Poison(data, 8, ShadowCode.Unpinned);
            Assert.Equal(0ul, (ulong)PinRecords.Reconsider(data, 4, data, throughReference: false));
            Assert.False(IsUnpinned(data));
        }
        finally
        {
            handle.Free();
        }
    }

    [Fact]
    public void PinnedHeapArrays_FromUncheckedCode_AreRecognised()
    {
        var fromLibrary = (byte[])typeof(GC).GetMethod(nameof(GC.AllocateArray))!.MakeGenericMethod(typeof(byte)).Invoke(null, [64, true])!;
        Assert.True(PinnedObjects.NeverMoves(fromLibrary));
        var ordinary = new byte[64];
        GC.Collect();
        GC.Collect();
        Assert.Equal(GC.MaxGeneration, GC.GetGeneration(ordinary));
        Assert.False(PinnedObjects.NeverMoves(ordinary));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static nuint PinAndDrop()
    {
        var array = new byte[80];
        PinRecords.Pin(array, 0);
        PinRecords.Unpin(array, 0);
        nuint data = DataOf(array);
        Assert.True(IsUnpinned(data));
        return data;
    }
}
