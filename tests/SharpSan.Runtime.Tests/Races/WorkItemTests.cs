using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Testing;
using SharpSan.Runtime.Races.Sync;

namespace SharpSan.Runtime.Tests.Races;

/// <summary>
/// A work item (Task.Run, ThreadPool.QueueUserWorkItem under ThreadSanitizer) runs on a pool thread that runs other
/// work before and after it: what it leaves on the thread must not be charged to, or shown under, the next one.
/// </summary>
public sealed unsafe class WorkItemTests
{
    [Fact]
    public void AWorkItemWhoseDelegateThrows_LeavesNoShadowFramesBehind()
    {
        var work = new WorkItem("test");
        ShadowStack.Exit(ShadowStack.Enter(0x7fff00));   // this thread has its shadow stack
        nint before = ShadowStack.Mark();
        // Instrumented code entered by the delegate: an exception escapes it, so nothing pops its frames.
        var action = work.Wrap(() =>
        {
            ShadowStack.Enter(0x7fff01);
            ShadowStack.Enter(0x7fff02);
            throw new InvalidOperationException("escapes into the pool");
        });

        Assert.Throws<InvalidOperationException>(action);

        Assert.Equal(before, ShadowStack.Mark());
    }

    [Fact]
    public void AWorkItemRunInsideAnother_GivesTheOuterOneItsTestBack_AndTheThreadWorksForNoTestAfterwards()
    {
        var previous = TestAttribution.DelegatedTest;
        TestAttribution.DelegatedTest = null;
        try
        {
            var outer = new WorkItem("outer");
            var inner = new WorkItem("inner");
            string? seenInside = "unset", seenAfterInner = "unset";
            // Neither was queued by a test (no test frame here), so both work for none; set one as if a test had.
            var innerAction = inner.Wrap(() => seenInside = TestAttribution.DelegatedTest);
            outer.Wrap(() =>
            {
                TestAttribution.DelegatedTest = "Tests.A.Test";   // the outer item works for a test
                innerAction();                                   // an item inlined by a Wait inside it
                seenAfterInner = TestAttribution.DelegatedTest;
            })();

            Assert.Null(seenInside);
            Assert.Equal("Tests.A.Test", seenAfterInner);
            Assert.Null(TestAttribution.DelegatedTest);
        }
        finally
        {
            TestAttribution.DelegatedTest = previous;
        }
    }
}
