using System.Collections.Concurrent;
using SharpSan.Runtime.Races.Collections;

namespace SharpSan.Runtime.Tests.Races;

/// <summary>The runtime type test in front of calls through collection interfaces.</summary>
public sealed class ContractTypesTests
{
    sealed class Names : List<string>;

    [Fact]
    public void ContractCollections_AndTheirSubclasses_AreCovered()
    {
        Assert.True(ContractTypes.Covers(typeof(Dictionary<string, int>)));
        Assert.True(ContractTypes.Covers(typeof(HashSet<object>)));
        Assert.True(ContractTypes.Covers(typeof(Names)));
        Assert.True(ContractTypes.Covers(typeof(Names)));   // second time from the one-entry cache
    }

    [Fact]
    public void ThreadSafeAndOtherCollections_AreNotCovered()
    {
        Assert.False(ContractTypes.Covers(typeof(ConcurrentDictionary<string, int>)));
        Assert.False(ContractTypes.Covers(typeof(ConcurrentQueue<int>)));
        Assert.False(ContractTypes.Covers(typeof(int[])));
        Assert.False(ContractTypes.Covers(typeof(string)));
    }
}
