using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Pools;

namespace SharpSan.Runtime.Tests.Pools;

/// <summary>
/// The checking pool's contract: BCL bucket lengths, shadow of rented and returned arrays, quarantine before
/// reuse, double returns ignored, foreign arrays passed through, reference-type pools tracked without shadow.
/// Each test uses its own pool instance so quarantines never interfere.
/// </summary>
public sealed unsafe class CheckingArrayPoolTests
{
    static CheckingArrayPool<T> NewPool<T>() => new(ArrayPool<T>.Create());

    static nuint AddressOf<T>(T[] array) => (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));

    [Theory]
    [InlineData(1, 16)]
    [InlineData(16, 16)]
    [InlineData(17, 32)]
    [InlineData(1000, 1024)]
    [InlineData(4096, 4096)]
    public void Rent_HandsOutTheBucketLengthTheSharedPoolWould(int requested, int expected)
    {
        var pool = NewPool<byte>();
        var array = pool.Rent(requested);
        Assert.Equal(expected, array.Length);
        Assert.Equal(expected, ArrayPool<byte>.Shared.Rent(requested).Length);
        pool.Return(array);
    }

    [Fact]
    public void Rent_ZeroGivesAnEmptyArrayAndNegativeThrows()
    {
        var pool = NewPool<int>();
        Assert.Empty(pool.Rent(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(-1));
    }

    [Fact]
    public void Rent_LengthsAboveTheMaximumAreExact()
    {
        var pool = new CheckingArrayPool<byte>(ArrayPool<byte>.Create(), maximumLength: 1024);
        var array = pool.Rent(1500);
        Assert.Equal(1500, array.Length);
        pool.Return(array);
    }

    [Fact]
    public void RentedArray_RequestedPartIsAddressableAndTheTailIsContainerOverflow()
    {
        var pool = NewPool<int>();
        var array = pool.Rent(5);   // 20 bytes requested of 64
        nuint begin = AddressOf(array);
        Assert.True(ShadowMemory.IsRangeAddressable(begin, 20));
        Assert.False(ShadowMemory.IsByteAddressable(begin + 20));
        Assert.Equal(4, ShadowMemory.Read(begin + 16));   // partial granule: 4 of 8 bytes
        Assert.Equal((byte)ShadowCode.ContainerOverflow, (byte)ShadowMemory.Read(begin + 24));
        Assert.Equal((byte)ShadowCode.ContainerOverflow, (byte)ShadowMemory.Read(begin + 56));
        pool.Return(array);
    }

    [Fact]
    public void ReturnedArray_IsPoisonedAsReturnedAndQuarantined()
    {
        var pool = NewPool<long>();
        var array = pool.Rent(16);
        nuint begin = AddressOf(array);
        pool.Return(array);
        for (int i = 0; i < 16; i++) Assert.Equal((byte)ShadowCode.PoolReturned, (byte)ShadowMemory.Read(begin + (nuint)(i * 8)));
        Assert.Equal(1, pool.QuarantinedCount);
        Assert.True(CheckingArrayPool<long>.TryGetRecord(array, out var record));
        Assert.Equal(PoolArrayState.Returned, record.State);
    }

    [Fact]
    public void ReturnedArray_IsNotHandedOutAgainWhileQuarantined()
    {
        var pool = NewPool<byte>();
        var first = pool.Rent(100);
        pool.Return(first);
        var seen = new List<byte[]>();
        for (int i = 0; i < PoolOptions.QuarantineArrays; i++)
        {
            var a = pool.Rent(100);
            Assert.NotSame(first, a);
            seen.Add(a);
        }
        foreach (var a in seen) pool.Return(a);
    }

    [Fact]
    public void ArraysLeavingTheQuarantineAreReusedAndUnpoisoned()
    {
        var pool = NewPool<byte>();
        var first = pool.Rent(100);
        pool.Return(first);
        for (int i = 0; i < PoolOptions.QuarantineArrays; i++) pool.Return(pool.Rent(100));
        // The first array has left the quarantine (FIFO) and is the next one handed out.
        var again = pool.Rent(70);   // same 128-element bucket
        Assert.Same(first, again);
        Assert.True(ShadowMemory.IsRangeAddressable(AddressOf(again), 70));
        Assert.False(ShadowMemory.IsByteAddressable(AddressOf(again) + 70));
        pool.Return(again);
    }

    [Fact]
    public void DoubleReturn_IsReportedAndIgnored()
    {
        var pool = NewPool<byte>();
        var array = pool.Rent(16);
        int reportsBefore = SanitizerRuntime.ReportCount;
        pool.Return(array);
        pool.Return(array);
        Assert.Equal(1, pool.QuarantinedCount);   // the second Return did not enqueue it again
        Assert.True(SanitizerRuntime.ReportCount >= reportsBefore);   // deduplicated by (empty) stack across tests
    }

    [Fact]
    public void ForeignArrays_GoToTheInnerPoolUntouched()
    {
        var inner = new RecordingPool<byte>();
        var pool = new CheckingArrayPool<byte>(inner);
        var foreign = new byte[32];
        pool.Return(foreign, clearArray: true);
        Assert.Same(foreign, inner.Returned);
        Assert.True(inner.Cleared);
        Assert.Equal(0, pool.QuarantinedCount);
    }

    [Fact]
    public void ClearArray_ZeroesTheArrayBeforeItIsPoisoned()
    {
        var pool = NewPool<int>();
        var array = pool.Rent(16);
        array.AsSpan().Slice(0, 16).Fill(7);
        pool.Return(array, clearArray: true);
        Assert.All(array, v => Assert.Equal(0, v));   // read by uninstrumented code: no check
    }

    [Fact]
    public void ReferenceTypePools_TrackStateButLeaveShadowAlone()
    {
        var pool = NewPool<string>();
        var array = pool.Rent(3);
        Assert.Equal(16, array.Length);
        Assert.True(CheckingArrayPool<string>.TryGetRecord(array, out var record));
        Assert.False(record.Shadowed);
        pool.Return(array);
        Assert.Equal(PoolArrayState.Returned, record.State);
    }

    [Fact]
    public void ConcurrentRentAndReturn_KeepsEveryArrayConsistent()
    {
        var pool = NewPool<byte>();
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 2000; i++)
            {
                int n = 1 + (i * 37) % 300;
                var a = pool.Rent(n);
                Assert.True(ShadowMemory.IsRangeAddressable(AddressOf(a), (nuint)n));
                Assert.True(CheckingArrayPool<byte>.TryGetRecord(a, out var r) && r.State == PoolArrayState.Rented && r.Requested == n);
                pool.Return(a);
            }
        });
    }

    sealed class RecordingPool<T> : ArrayPool<T>
    {
        public T[]? Returned;
        public bool Cleared;
        public override T[] Rent(int minimumLength) => new T[minimumLength];
        public override void Return(T[] array, bool clearArray = false) => (Returned, Cleared) = (array, clearArray);
    }
}

/// <summary>Reading a rented array's Length (PoolCapacity.Claim, called before ldlen) makes the whole array usable.</summary>
public sealed unsafe class PoolCapacityTests
{
    [Fact]
    public void Claim_LiftsTheTailOfARentedArray()
    {
        var pool = new CheckingArrayPool<short>(ArrayPool<short>.Create());
        var array = pool.Rent(3);
        nuint begin = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        Assert.False(ShadowMemory.IsByteAddressable(begin + 6));
        PoolCapacity.Claim(array);
        Assert.True(ShadowMemory.IsRangeAddressable(begin, 32));
        pool.Return(array);
        PoolCapacity.Claim(array);   // a returned array stays poisoned
        Assert.False(ShadowMemory.IsByteAddressable(begin));
    }

    enum Level { Low, High }

    [Fact]
    public void Claim_ThroughAnotherElementTypeTheClrAllows_LiftsTheTail()
    {
        // An int[] from the pool used as a uint[] or an enum array (legal CLR casts): the claim finds it by object.
        var pool = new CheckingArrayPool<int>(ArrayPool<int>.Create());
        var array = pool.Rent(3);
        nuint begin = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        PoolCapacity.Claim((Level[])(object)array);
        Assert.True(ShadowMemory.IsRangeAddressable(begin, 64));
        pool.Return(array);
        var again = pool.Rent(3);
        PoolCapacity.Claim((uint[])(object)again);
        Assert.True(ShadowMemory.IsRangeAddressable((nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(again)), 64));
        pool.Return(again);
    }

    [Fact]
    public void Claim_IgnoresNullEmptyAndOrdinaryArrays()
    {
        PoolCapacity.Claim<int>(null);
        PoolCapacity.Claim(Array.Empty<int>());
        PoolCapacity.Claim(new long[10]);
        PoolCapacity.Claim(new string[3]);
    }
}

/// <summary>MemoryPool owners rent from the checking array pool and return exactly once.</summary>
public sealed class CheckingMemoryPoolTests
{
    [Fact]
    public void Owner_ReturnsItsArrayOnTheFirstDisposeOnly()
    {
        var owner = CheckingMemoryPool<byte>.Instance.Rent(100);
        Assert.True(MemoryMarshal.TryGetArray<byte>(owner.Memory, out var segment));
        byte[] array = segment.Array!;
        Assert.Equal(128, owner.Memory.Length);   // the whole array, as the BCL's ArrayMemoryPool
        Assert.True(CheckingArrayPool<byte>.TryGetRecord(array, out var record));
        owner.Dispose();
        Assert.Equal(PoolArrayState.Returned, record.State);
        owner.Dispose();
        Assert.Throws<ObjectDisposedException>(() => owner.Memory);
    }

    [Fact]
    public void Rent_DefaultSizeIsFourKilobytesOfElements()
    {
        using var owner = CheckingMemoryPool<int>.Instance.Rent();
        Assert.Equal(1024, owner.Memory.Length);
    }
}
