using Frames;

namespace Frames.Tests;

/// <summary>A test host that dies mid-run, after a finding (run on their own with --filter TestCategory=Crash).</summary>
[Category("Crash")]
public class CrashTests
{
    [Test, Order(1)]
    public void Hex_OfSixteenBytes() => Assert.That(Hex.Of(new byte[16]), Has.Length.EqualTo(32));

    [Test, Order(2)]
    public void TheHostDies() => Environment.FailFast("the test host dies");
}
