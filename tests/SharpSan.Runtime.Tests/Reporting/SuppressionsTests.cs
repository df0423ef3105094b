using SharpSan.Runtime.Common.Reporting;

namespace SharpSan.Runtime.Tests.Reporting;

public sealed class SuppressionsTests : IDisposable
{
    readonly string _file = Path.Combine(Path.GetTempPath(), $"sharpsan-supp-{Guid.NewGuid():N}.txt");

    const string Race = """
        WARNING: ThreadSanitizer: data race (pid=42)
          Write of size 1 at 0x7f0000001000 by thread T2:
            #0 0x0012 in BitFaster.Caching.Lru.ConcurrentLruCore<K, V, I, P, T>.TryGet(K, out V) (BitFaster.Caching.dll+0x0012)
            #1 0x0007 in Demo.Program.Main() /src/Demo/Program.cs:9
          Previous read of size 1 at 0x7f0000001000 by thread T1:
            #0 0x0030 in BitFaster.Caching.Lru.LruItem<K, V>.get_WasAccessed() (BitFaster.Caching.dll+0x0030)
          Location is field BitFaster.Caching.Lru.LruItem<int,string>.wasAccessed of object of type BitFaster.Caching.Lru.LruItem<int,string>.
        SUMMARY: ThreadSanitizer: data race (BitFaster.Caching.dll+0x0012) in BitFaster.Caching.Lru.ConcurrentLruCore<K, V, I, P, T>.TryGet(K, out V)
        """;

    Suppressions Load(params string[] rules)
    {
        File.WriteAllLines(_file, rules);
        return Suppressions.Load(_file);
    }

    [Theory]
    [InlineData("race:BitFaster.Caching.Lru.LruItem<K, V>.get_WasAccessed")]
    [InlineData("race:*LruItem*.get_WasAccessed")]   // * spans the generic arguments' spaces
    [InlineData("race:ConcurrentLruCore*TryGet")]
    [InlineData("race:Program.cs")]
    [InlineData("race:*LruItem*.wasAccessed")]        // the variable, as TSan matches global names
    [InlineData("*:Demo.Program.Main")]
    public void MatchingRule_SuppressesTheRace(string rule) =>
        Assert.True(Load(rule).Matches("data race", Race));

    [Theory]
    [InlineData("race:Caching.Lru.LruItem.get_WasAccessed")]   // wrong shape
    [InlineData("race:WasAccessed")]                           // must start a name or a dotted part
    [InlineData("race:TryGet*Program.cs")]                     // never across a frame's method and file
    [InlineData("deadlock:*LruItem*")]                         // another kind
    [InlineData("heap-buffer-overflow:*wasAccessed")]          // the location only counts for races
    public void OtherRule_DoesNotSuppressTheRace(string rule) =>
        Assert.False(Load(rule).Matches("data race", Race));

    public void Dispose()
    {
        if (File.Exists(_file)) File.Delete(_file);
    }
}
