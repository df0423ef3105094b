using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Heuristic;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Heuristic;

/// <summary>
/// SGCheck's binding as instrumented code drives it: a site starts unbound, its first access binds it, later
/// accesses inside the bound buffer stay on the fast path, and one that leaves it is judged by what it lands in.
/// Each test runs inside a shadow-stack frame of its own, as an instrumented method would (escaped buffers belong to
/// frames, and reports are told apart by their stacks).
/// </summary>
public sealed unsafe class BufferBindingTests
{
    const int Bytes = 16;
    const int StructBytes = 32;
    const int BufferOffset = 8;

    static int s_nextKey = 0x3F0000;

    /// <summary>A frame of a method that derived a 16-byte fixed buffer at offset 8 of a 32-byte struct and let it escape.</summary>
    sealed class EscapingFrame : IDisposable
    {
        readonly NativeBuffer _memory = new(StructBytes * 2);

        public EscapingFrame()
        {
            Frame = ShadowStack.Enter(Interlocked.Increment(ref s_nextKey));
            Buffer = (byte*)_memory.Address + BufferOffset;
            EscapedBuffers.Register(Buffer, Bytes, "16-byte fixed buffer 'T.Name'", BufferOffset, StructBytes, (int)EnclosingKind.Object, "T", Frame);
        }

        public int* Frame { get; }
        public byte* Buffer { get; }

        public void Dispose()
        {
            EscapedBuffers.Release(Frame);
            ShadowStack.Exit(Frame);
            _memory.Dispose();
        }
    }

    /// <summary>One access as instrumented code makes it: the site's binding is updated in place.</summary>
    static BufferBinding Access(void* p, BufferBinding binding, int size, int site = 0, bool isWrite = false)
    {
        BufferBinding.Access(p, ref binding, size, site, isWrite);
        return binding;
    }

    [Fact]
    public void FirstAccess_BindsToTheEscapedBufferItLandsIn_AndInBoundsAccessesKeepTheBinding()
    {
        using var frame = new EscapingFrame();

        var bound = Access(frame.Buffer + 3, default, 1);

        Assert.Equal((nuint)frame.Buffer, bound.Lo);
        Assert.Equal((nuint)(Bytes - 1), bound.Limit);
        for (int i = 0; i < Bytes; i++)
            Assert.Equal(bound, Access(frame.Buffer + i, bound, 1));
    }

    [Fact]
    public void LeavingTheBufferForItsEnclosingStruct_IsReported_AndUnbindsTheSite()
    {
        using var frame = new EscapingFrame();
        var bound = Access(frame.Buffer, default, 1);
        int before = SanitizerRuntime.ReportCount;

        var after = Access(frame.Buffer + Bytes, bound, 1, site: 0x11, isWrite: true);

        Assert.Equal(before + 1, SanitizerRuntime.ReportCount);
        Assert.Equal(nuint.MaxValue, after.Limit);
    }

    [Fact]
    public void LeavingTheEnclosingStructToo_IsNotReported_ButUnbindsTheSite()
    {
        // An array of pointers to several objects' buffers walked by one instruction looks like this.
        using var frame = new EscapingFrame();
        var bound = Access(frame.Buffer, default, 1);
        int before = SanitizerRuntime.ReportCount;

        var after = Access(frame.Buffer + StructBytes, bound, 1, site: 0x12);

        Assert.Equal(before, SanitizerRuntime.ReportCount);
        Assert.Equal(nuint.MaxValue, after.Limit);
    }

    [Fact]
    public void MemoryWithNoKnownBounds_BindsToEverything()
    {
        using var memory = new NativeBuffer(64);

        var binding = Access((void*)memory.Address, default, 8);

        Assert.Equal((nuint)0, binding.Lo);
        Assert.Equal(nuint.MaxValue, binding.Limit);
    }

    [Fact]
    public void EscapedBuffer_IsForgottenWhenItsFrameReturns()
    {
        var frame = new EscapingFrame();
        ShadowStack.Exit(frame.Frame);   // returned without Release, as when an exception unwinds it

        var binding = Access(frame.Buffer, default, 1);

        Assert.Equal(nuint.MaxValue, binding.Limit);
        frame.Dispose();
    }
}
