using System.Runtime.InteropServices;
using SharpSan.Runtime.Address;

namespace SharpSan.Runtime.Tests.Support;

/// <summary>
/// Real, uninstrumented native memory for shadow tests. Dispose clears the shadow of the whole range before
/// freeing it, so a test never leaks poison into memory a later test (or allocator) receives; use it with
/// <c>using</c> so the clear runs in a finally block.
/// </summary>
sealed unsafe class NativeBuffer : IDisposable
{
    public NativeBuffer(nuint size, nuint alignment = 4096)
    {
        Size = size;
        Address = (nuint)NativeMemory.AlignedAlloc(size, alignment);
    }

    public nuint Address { get; }
    public nuint Size { get; }

    public byte ShadowOfGranule(int granule) => (byte)ShadowMemory.Read(Address + (nuint)(granule * ShadowMemory.Granule));

    public void Dispose()
    {
        ShadowMemory.Clear(Address, Size);
        NativeMemory.AlignedFree((void*)Address);
    }
}
