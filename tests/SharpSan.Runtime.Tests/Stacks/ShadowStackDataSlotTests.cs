using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Tests.Stacks;

public sealed unsafe class ShadowStackDataSlotTests
{
    /// <summary>Runs <paramref name="body"/> on a fresh thread, so its frames start a shadow stack of their own.</summary>
    static T OnFreshThread<T>(Func<T> body)
    {
        T result = default!;
        var thread = new Thread(() => result = body());
        thread.Start();
        thread.Join();
        return result;
    }

    [Fact]
    public void FramesDeeperThanTheBlock_FoldBelowTheDataSlot_AndLeaveItsPointer()
    {
        var (kept, lastKey) = OnFreshThread(() =>
        {
            int* first = ShadowStack.Enter(1);
            nint* slot = ShadowStack.DataSlot(first);
            *slot = 0x5A5A;
            int* deepest = first;
            for (int i = 0; i < 70_000; i++) deepest = ShadowStack.Enter(2 + i);   // more frames than the block holds
            return (*slot, deepest[-1]);
        });

        Assert.Equal(0x5A5A, kept);
        Assert.Equal(2 + 69_999, lastKey);   // the deepest frame still records its method
    }

    [Fact]
    public void TheSlot_IsFoundFromAnyFrameOfTheThread_AndIsTheThreadsOwn()
    {
        var (same, own, otherThreadsOwn) = OnFreshThread(() =>
        {
            int* outer = ShadowStack.Enter(1);
            int* inner = ShadowStack.Enter(2);
            bool sameSlot = ShadowStack.DataSlot(outer) == ShadowStack.DataSlot(inner);
            bool isOwn = ShadowStack.IsOwnBlock(inner);
            bool ownElsewhere = OnFreshThread(() => ShadowStack.IsOwnBlock(inner));
            return (sameSlot, isOwn, ownElsewhere);
        });

        Assert.True(same);
        Assert.True(own);
        Assert.False(otherThreadsOwn);
    }
}
