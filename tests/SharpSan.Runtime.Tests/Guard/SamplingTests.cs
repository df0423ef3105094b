using SharpSan.Runtime.Guard;

namespace SharpSan.Runtime.Tests.Guard;

public sealed class SamplingTests
{
    /// <summary>1-in-N holds within four standard deviations of the binomial over a million allocations.</summary>
    [Theory]
    [InlineData(100)]
    [InlineData(5000)]
    public void SampleRateHolds(int rate)
    {
        const int allocations = 1_000_000;
        int countdown = 0, sampled = 0;
        for (int i = 0; i < allocations; i++)
            if (Sampling.Next(ref countdown, rate)) sampled++;
        double p = 1.0 / rate, expected = allocations * p, sigma = Math.Sqrt(allocations * p * (1 - p));
        Assert.InRange(sampled, expected - 4 * sigma, expected + 4 * sigma);
    }

    [Fact]
    public void RateOneSamplesEveryAllocationAndZeroNone()
    {
        int countdown = 0;
        for (int i = 0; i < 1000; i++) Assert.True(Sampling.Next(ref countdown, 1));
        for (int i = 0; i < 1000; i++) Assert.False(Sampling.Next(ref countdown, 0));
    }
}
