using SharpSan.Runtime.Address.Pools;
using Xunit.Sdk;

namespace SharpSan.Runtime.Tests.Pools;

/// <summary>The same-array note lands in a real xunit assertion's message, and only right after a changed Rent.</summary>
public sealed class QuarantineNoteTests
{
    [Fact]
    public void AFailingAssertionRightAfterAChangedRent_NamesTheOption()
    {
        var returned = new byte[16];
        var rented = new byte[16];
        QuarantineNote.Remember(rented, "byte", 10);
        var failure = Assert.ThrowsAny<XunitException>(() => Assert.Same(returned, rented));
        Assert.Contains("ArrayPool<byte>.Rent(10) handed out a different array", failure.Message);
        Assert.Contains("pool_quarantine_size_mb=0", failure.Message);
    }

    [Fact]
    public void AfterTheArrayWentBack_AssertionsAreLeftAlone()
    {
        var rented = new byte[16];
        QuarantineNote.Remember(rented, "byte", 10);
        QuarantineNote.Returned(rented);
        var failure = Assert.ThrowsAny<XunitException>(() => Assert.Same(new byte[1], rented));
        Assert.DoesNotContain("pool_quarantine_size_mb", failure.Message);
    }
}
