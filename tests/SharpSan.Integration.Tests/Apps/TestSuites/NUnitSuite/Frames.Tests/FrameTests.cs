using Frames;

namespace Frames.Tests;

public class FrameTests
{
    [OneTimeTearDown]
    public void WaitForBackgroundWork() => Background.WaitForWorkers();

    [Test]
    public void Checksum_AddsEveryByte()
    {
        using var frame = new Frame(4);
        frame.Write(0, 1);
        frame.Write(3, 2);
        Assert.That(frame.Checksum(), Is.EqualTo(3));
    }

    [Test]
    public void Complete_ReturnsTheChecksum()
    {
        var frame = new Frame(4);
        frame.Write(1, 5);
        Assert.That(Framing.Complete(frame), Is.EqualTo(5));
    }

    [TestCase(new byte[] { 0xab, 0x01 }, "ab01")]
    [TestCase(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 }, "000102030405060708090a0b0c0d0e0f")]
    public void Hex_OfBytes(byte[] bytes, string expected) => Assert.That(Hex.Of(bytes), Is.EqualTo(expected));

    [Test]
    public void Hex_OfNothing_IsEmpty() => Assert.That(Hex.Of([]), Is.Empty);

    [Test]
    public void StartPadding_ReturnsAtOnce() => Background.StartPadding(8);
}
