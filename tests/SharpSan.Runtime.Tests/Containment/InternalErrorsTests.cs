using SharpSan.Runtime.Common;

namespace SharpSan.Runtime.Tests.Containment;

/// <summary>The filter every contained site uses: SharpSan's own failures stop there, the product's exceptions do not.</summary>
public sealed class InternalErrorsTests
{
    static int Run(Action body, string site)
    {
        try
        {
            body();
            return 0;
        }
        catch (Exception e) when (InternalErrors.Contain(site, e))
        {
            return 1;
        }
    }

    [Fact]
    public void Contain_StopsAnInternalError_AndCountsIt()
    {
        int before = InternalErrors.Count;

        int contained = Run(() => throw new KeyNotFoundException("a bug of ours"), "InternalErrorsTests.Contain");

        Assert.Equal(1, contained);
        Assert.Equal(before + 1, InternalErrors.Count);
    }

    [Fact]
    public void Contain_LetsAFindingThroughToTheTest_AndAnInterruptToTheProgram()
    {
        Assert.Throws<SanitizerFindingException>(() => Run(() => throw new SanitizerFindingException("report", "Tests.T.M"), "InternalErrorsTests.Finding"));
        Assert.Throws<ThreadInterruptedException>(() => Run(() => throw new ThreadInterruptedException(), "InternalErrorsTests.Interrupt"));
    }

    [Fact]
    public void Inject_WithoutTheTestSwitch_DoesNothing()
    {
        Assert.Null(Environment.GetEnvironmentVariable(InternalErrors.FaultsVariable));
        InternalErrors.Inject("InternalErrorsTests.Inject");
    }
}
