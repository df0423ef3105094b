using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Stack;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Tests.Stacks;

public sealed unsafe class FakeStackTests
{
    static T OnFreshThread<T>(Func<T> body)
    {
        T result = default!;
        var thread = new Thread(() => result = body());
        thread.Start();
        thread.Join();
        return result;
    }

    static ShadowCode CodeAt(byte* address) => (ShadowCode)(byte)ShadowMemory.Read((nuint)address);

    [Fact]
    public void ABuffer_IsAddressableBetweenRedzones_UntilItsFrameReturns()
    {
        var (left, first, last, partial, right, afterReturn) = OnFreshThread(() =>
        {
            int* frame = ShadowStack.Enter(1);
            byte* b = (byte*)FakeStack.Alloc(13, frame, 0, true);   // the first call takes the slow path, the rest the fast one
            FakeStack.Release(frame);
            b = (byte*)FakeStack.Alloc(13, frame, 0, true);
            var codes = (CodeAt(b - 1), ShadowMemory.Read((nuint)b), ShadowMemory.Read((nuint)b + 12), ShadowMemory.Read((nuint)b + 8), CodeAt(b + 16));
            FakeStack.Release(frame);
            ShadowStack.Exit(frame);
            return (codes.Item1, codes.Item2, codes.Item3, codes.Item4, codes.Item5, CodeAt(b));
        });

        Assert.Equal(ShadowCode.StackLeftRedzone, left);
        Assert.Equal(0, first);
        Assert.Equal(5, last);      // the granule of bytes 8..12: five addressable
        Assert.Equal(5, partial);
        Assert.Equal(ShadowCode.StackRightRedzone, right);
        Assert.Equal(ShadowCode.StackAfterReturn, afterReturn);
    }

    [Fact]
    public void ReleasingAFrame_RetiresTheBuffersOfDeeperFramesThatAnExceptionUnwound()
    {
        var (outerCode, innerCode) = OnFreshThread(() =>
        {
            int* outer = ShadowStack.Enter(1);
            byte* a = (byte*)FakeStack.Alloc(16, outer, 0, false);
            int* inner = ShadowStack.Enter(2);
            byte* b = (byte*)FakeStack.Alloc(40, inner, 0, false);
            ShadowStack.Restore(outer);   // inner unwound: no Release for it
            FakeStack.Release(outer);
            ShadowStack.Exit(outer);
            return (CodeAt(a), CodeAt(b));
        });

        Assert.Equal(ShadowCode.StackAfterReturn, outerCode);
        Assert.Equal(ShadowCode.StackAfterReturn, innerCode);
    }

    [Fact]
    public void ALargeBuffer_ComesFromMalloc_AndIsRetiredWithTheRingOnesAroundIt()
    {
        var codes = OnFreshThread(() =>
        {
            int* outer = ShadowStack.Enter(1);
            byte* small = (byte*)FakeStack.Alloc(16, outer, 0, false);
            int* inner = ShadowStack.Enter(2);
            byte* large = (byte*)FakeStack.Alloc(200_000, inner, 0, false);   // above the ring's largest block
            int* innermost = ShadowStack.Enter(3);
            byte* last = (byte*)FakeStack.Alloc(16, innermost, 0, false);
            var live = (ShadowMemory.Read((nuint)small), ShadowMemory.Read((nuint)large + 199_999), ShadowMemory.Read((nuint)last));
            FakeStack.Release(innermost);
            ShadowStack.Exit(innermost);
            FakeStack.Release(inner);
            ShadowStack.Exit(inner);
            var afterInner = (CodeAt(small), CodeAt(large), CodeAt(last));
            FakeStack.Release(outer);
            ShadowStack.Exit(outer);
            return (live, afterInner, CodeAt(small));
        });

        Assert.Equal((0, 0, 0), ((int)codes.live.Item1, (int)codes.live.Item2, (int)codes.live.Item3));
        Assert.NotEqual(ShadowCode.StackAfterReturn, codes.afterInner.Item1);
        Assert.Equal(ShadowCode.StackAfterReturn, codes.afterInner.Item2);
        Assert.Equal(ShadowCode.StackAfterReturn, codes.afterInner.Item3);
        Assert.Equal(ShadowCode.StackAfterReturn, codes.Item3);
    }

    [Fact]
    public void FramesFoldedOntoTheBlocksLastSlot_RetireOnlyTheirOwnBuffers()
    {
        var (callerAfterCallee, calleeAfterCallee, callerAfterBottom) = OnFreshThread(() =>
        {
            int* bottom = ShadowStack.Enter(1);
            byte* first = (byte*)FakeStack.Alloc(16, bottom, 0, false);
            int* frame = bottom;
            for (int i = 0; i < 70_000; i++) frame = ShadowStack.Enter(2);   // deeper than the block: the last ones fold
            int* caller = frame;
            byte* callerBuffer = (byte*)FakeStack.Alloc(16, caller, 0, false);
            int* callee = ShadowStack.Enter(3);   // folds onto the caller's slot
            byte* calleeBuffer = (byte*)FakeStack.Alloc(16, callee, 0, false);
            FakeStack.Release(callee);
            ShadowStack.Exit(callee);
            var afterCallee = (CodeAt(callerBuffer), CodeAt(calleeBuffer));
            ShadowStack.Restore(bottom);
            FakeStack.Release(bottom);
            return (afterCallee.Item1, afterCallee.Item2, CodeAt(callerBuffer));
        });

        Assert.NotEqual(ShadowCode.StackAfterReturn, callerAfterCallee);
        Assert.Equal(ShadowCode.StackAfterReturn, calleeAfterCallee);
        Assert.Equal(ShadowCode.StackAfterReturn, callerAfterBottom);   // a frame below the fold retires everything above it
    }
}
