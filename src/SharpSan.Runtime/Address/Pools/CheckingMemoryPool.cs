using System.Buffers;
using System.Runtime.CompilerServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Pools;

/// <summary>
/// <c>MemoryPool&lt;T&gt;.Shared</c> for checked code: owners rent from the checking array pool and return on the
/// first Dispose, as the BCL's ArrayMemoryPool does. The owner's Memory covers the whole array (BCL behaviour,
/// so its capacity is claimed at once), and memory or spans kept after Dispose point at a poisoned, quarantined
/// array: pool-use-after-return when checked code touches them.
/// </summary>
public sealed class CheckingMemoryPool<T> : MemoryPool<T>
{
    static readonly int s_rentFrame = SyntheticFrames.Register("System.Buffers.MemoryPool<T>.Rent(int)");
    static readonly int s_disposeFrame = SyntheticFrames.Register("System.Buffers.IMemoryOwner<T>.Dispose()");

    public static CheckingMemoryPool<T> Instance { get; } = new();

    public override int MaxBufferSize => Array.MaxLength;

    public override IMemoryOwner<T> Rent(int minBufferSize = -1)
    {
        if (minBufferSize == -1) minBufferSize = 1 + 4095 / Unsafe.SizeOf<T>();
        else if ((uint)minBufferSize > (uint)Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(minBufferSize));
        var array = CheckingArrayPool<T>.Instance.Rent(minBufferSize, s_rentFrame);
        PoolCapacity.Claim(array);
        return new Owner(array);
    }

    protected override void Dispose(bool disposing) { }

    sealed class Owner(T[] array) : IMemoryOwner<T>
    {
        T[]? _array = array;

        public Memory<T> Memory => _array is { } a ? new Memory<T>(a) : throw new ObjectDisposedException(nameof(IMemoryOwner<T>));

        public void Dispose()
        {
            var a = Interlocked.Exchange(ref _array, null);
            if (a is not null) CheckingArrayPool<T>.Instance.Return(a, false, s_disposeFrame);
        }
    }
}
