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

    static int* EnterFrame() => ShadowStack.Enter(Interlocked.Increment(ref s_nextKey));

    /// <summary>One access as instrumented code makes it: the site's binding is updated in place.</summary>
    static BufferBinding Access(void* p, BufferBinding binding, int size, int site = 0, bool isWrite = false)
    {
        BufferBinding.Access(p, ref binding, size, site, isWrite);
        return binding;
    }

    [Fact]
    public void FirstAccess_BindsToTheEscapedBufferItLandsIn_AndInBoundsAccessesKeepTheBinding()
    {
        using var memory = new NativeBuffer(StructBytes);
        int* frame = EnterFrame();
        try
        {
            byte* buffer = (byte*)memory.Address + BufferOffset;
            EscapedBuffers.Register(buffer, Bytes, "16-byte fixed buffer 'T.Name'", BufferOffset, StructBytes, (int)EnclosingKind.Object, "T", frame);

            var bound = Access(buffer + 3, default, 1, 0, false);

            Assert.Equal((nuint)buffer, bound.Lo);
            Assert.Equal((nuint)(Bytes - 1), bound.Limit);
            for (int i = 0; i < Bytes; i++)
                Assert.Equal(bound, Access(buffer + i, bound, 1, 0, false));
        }
        finally
        {
            EscapedBuffers.Release(frame);
            ShadowStack.Exit(frame);
        }
    }

    [Fact]
    public void LeavingTheBufferForItsEnclosingStruct_IsReported_AndUnbindsTheSite()
    {
        using var memory = new NativeBuffer(StructBytes);
        int* frame = EnterFrame();
        try
        {
            byte* buffer = (byte*)memory.Address + BufferOffset;
            EscapedBuffers.Register(buffer, Bytes, "16-byte fixed buffer 'T.Name'", BufferOffset, StructBytes, (int)EnclosingKind.Object, "T", frame);
            var bound = Access(buffer, default, 1, 0, false);
            int before = SanitizerRuntime.ReportCount;

            var after = Access(buffer + Bytes, bound, 1, 0x11, true);

            Assert.Equal(before + 1, SanitizerRuntime.ReportCount);
            Assert.Equal(nuint.MaxValue, after.Limit);
        }
        finally
        {
            EscapedBuffers.Release(frame);
            ShadowStack.Exit(frame);
        }
    }

    [Fact]
    public void LeavingTheEnclosingStructToo_IsNotReported_ButUnbindsTheSite()
    {
        // An array of pointers to several objects' buffers walked by one instruction looks like this.
        using var memory = new NativeBuffer(StructBytes * 2);
        int* frame = EnterFrame();
        try
        {
            byte* buffer = (byte*)memory.Address + BufferOffset;
            EscapedBuffers.Register(buffer, Bytes, "16-byte fixed buffer 'T.Name'", BufferOffset, StructBytes, (int)EnclosingKind.Object, "T", frame);
            var bound = Access(buffer, default, 1, 0, false);
            int before = SanitizerRuntime.ReportCount;

            var after = Access(buffer + StructBytes, bound, 1, 0x12, false);

            Assert.Equal(before, SanitizerRuntime.ReportCount);
            Assert.Equal(nuint.MaxValue, after.Limit);
        }
        finally
        {
            EscapedBuffers.Release(frame);
            ShadowStack.Exit(frame);
        }
    }

    [Fact]
    public void MemoryWithNoKnownBounds_BindsToEverything()
    {
        using var memory = new NativeBuffer(64);

        var binding = Access((void*)memory.Address, default, 8, 0, false);

        Assert.Equal((nuint)0, binding.Lo);
        Assert.Equal(nuint.MaxValue, binding.Limit);
    }

    [Fact]
    public void EscapedBuffer_IsForgottenWhenItsFrameReturns()
    {
        using var memory = new NativeBuffer(StructBytes);
        byte* buffer = (byte*)memory.Address + BufferOffset;
        int* frame = EnterFrame();
        EscapedBuffers.Register(buffer, Bytes, "16-byte fixed buffer 'T.Name'", BufferOffset, StructBytes, (int)EnclosingKind.Object, "T", frame);
        ShadowStack.Exit(frame);   // returned without Release, as when an exception unwinds it

        var binding = Access(buffer, default, 1, 0, false);

        Assert.Equal(nuint.MaxValue, binding.Limit);
        EscapedBuffers.Release(frame);
    }
}
