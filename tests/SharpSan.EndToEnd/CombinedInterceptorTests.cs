using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.EndToEnd;

/// <summary>
/// A call is redirected once, so a member that several modes of a combination intercept needs one interceptor that
/// does both jobs (tagged "address+memory", …). These tests read SharpSan.Runtime's catalog: any member left to one
/// mode's interceptor alone would lose the other mode's checks or shadow (and mix ASan's allocator with libc's).
/// </summary>
public sealed class CombinedInterceptorTests
{
    static readonly RuntimeLibrary s_runtime = RuntimeLibrary.Default();

    [Theory]
    [InlineData("address,memory")]
    [InlineData("memory,thread")]
    [InlineData("address,memory,thread")]
    public void EveryMemberSeveralModesIntercept_HasACombinedInterceptor(string modes)
    {
        var conflicts = s_runtime.UnresolvedConflicts(modes);
        Assert.True(conflicts.Count == 0, "members without a combined interceptor:\n" + string.Join("\n", conflicts));
    }

    [Fact]
    public void AddressAndMemory_NativeAllocationGoesToTheCombinedInterceptor()
    {
        var catalog = s_runtime.InterceptorsFor("address,memory");
        var alloc = catalog.Values.Where(m => m.Name == "Alloc" && m.DeclaringType.Namespace == "SharpSan.Runtime.Memory.Combined").ToList();
        Assert.NotEmpty(alloc);
        Assert.All(catalog.Where(e => e.Key.Contains("NativeMemory::Alloc", StringComparison.Ordinal)).Select(e => e.Value),
            m => Assert.Equal("SharpSan.Runtime.Memory.Combined", m.DeclaringType.Namespace));
        // Members only one mode intercepts keep that mode's interceptor (address's Marshal.ReadInt32, memory's Stream.Write).
        Assert.Contains(catalog.Values, m => m.Name == "ReadInt32" && m.DeclaringType.Name == "MarshalAccessInterceptors");
        Assert.Contains(catalog, e => e.Key.Contains("Stream::Write", StringComparison.Ordinal) && e.Value.DeclaringType.Name == "BclShadowTable");
    }

    [Fact]
    public void SingleModes_NeverSeeCombinedInterceptors()
    {
        foreach (var mode in new[] { "address", "memory", "thread", "guard" })
            Assert.DoesNotContain(s_runtime.InterceptorsFor(mode).Values, m => m.DeclaringType.Namespace == "SharpSan.Runtime.Memory.Combined");
    }
}
