using Messages;

namespace Messages.Tests;

[TestClass]
public class MessageTests
{
    [TestMethod]
    public void CopyFrom_KeepsTheBytes()
    {
        using var message = new Message(3);
        message.CopyFrom([1, 2, 3]);
        Assert.AreEqual(3, message[2]);
    }

    [TestMethod]
    public void CopyFrom_TooMuch()
    {
        var message = new Message(4);
        message.CopyFrom([1, 2, 3, 4, 5]);
        message.Dispose();   // never reached: the finding fails the test first, and the body it leaks is not reported
    }

    [TestMethod]
    public void Dispose_Twice()
    {
        var message = new Message(8);
        message.Dispose();
        message.Dispose();
    }

    [TestMethod]
    public unsafe void Detach_HandsTheBodyOver()
    {
        var message = new Message(16);
        byte* body = message.Detach();   // and never freed: a leak, reported outside any test
        Assert.IsTrue(body != null);
    }

#pragma warning disable MSTEST0044 // DataTestMethod is obsolete in MSTest 4, and still in use
    [DataTestMethod]
#pragma warning restore MSTEST0044
    [DataRow("abc", 294)]
    [DataRow("the quick brown fox jumps over the lazy dog", 4089)]
    public void Checksum_OfText(string text, int expected) => Assert.AreEqual(expected, Encoder.Checksum(text));

    [TestMethod]
    public async Task Checksum_AfterAnAwait()
    {
        await Task.Yield();   // the rest runs on a thread-pool thread, in the test's state machine
        Assert.AreEqual(4089, Encoder.Checksum("the quick brown fox jumps over the lazy dog"));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("x")]
    public void Checksum_OfShortText_IsPositiveOrZero(string text) => Assert.IsTrue(Encoder.Checksum(text) >= 0);
}
