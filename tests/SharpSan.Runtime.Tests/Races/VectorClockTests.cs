using SharpSan.Runtime.Races.Shadow;
using Xunit;

namespace SharpSan.Runtime.Tests.Races;

public sealed class VectorClockTests
{
    /// <summary>
    /// A thread's clock starts with its id + 1 entries (5 for thread 4) while a sync clock grows by powers of two (to 8):
    /// the one-pass two-way join must cope with lengths that still differ after growing (it indexed past the shorter).
    /// </summary>
    [Fact]
    public void JoinBoth_OfClocksWhoseLengthsDifferAfterGrowing_JoinsEveryEntryBothWays()
    {
        var thread = new VectorClock(5);
        thread[4] = 7;
        thread[1] = 2;
        var sync = new VectorClock(4);
        sync[1] = 3;
        sync[2] = 9;

        sync.JoinBoth(thread);

        foreach (var clock in new[] { thread, sync })
        {
            Assert.Equal(3, clock[1]);
            Assert.Equal(9, clock[2]);
            Assert.Equal(7, clock[4]);
            Assert.Equal(0, clock[5]);
        }
    }
}
