using Frames;

namespace Frames.Tests;

/// <summary>
/// A fixture whose clean-up runs into a bug after its test failed with a finding, on the same worker thread: the test's
/// frames are still on that thread's shadow stack, yet the clean-up's finding is outside any test (and not thrown there).
/// </summary>
public class FixtureCleanupTests
{
    readonly Frame _frame = new(8);

    [Test]
    public void Hex_OfSixteenBytes() => Assert.That(Hex.Of(new byte[16]), Has.Length.EqualTo(32));

    [OneTimeTearDown]
    public void ReleaseTwice()
    {
        _frame.Dispose();
        _frame.Dispose();
    }
}
