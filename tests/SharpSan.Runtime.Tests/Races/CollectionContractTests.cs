using System.Reflection;
using SharpSan.Runtime.Races.Collections;

namespace SharpSan.Runtime.Tests.Races;

/// <summary>The one table of reading and writing collection members names real members, and each only once.</summary>
public sealed class CollectionContractTests
{
    static readonly Type[] Collections =
    [
        typeof(Dictionary<,>), typeof(List<>), typeof(HashSet<>), typeof(Queue<>), typeof(Stack<>),
        typeof(SortedDictionary<,>), typeof(SortedList<,>), typeof(LinkedList<>),
    ];

    static IEnumerable<CollectionContractAttribute> Rows() => typeof(CollectionContract).GetCustomAttributes<CollectionContractAttribute>();

    [Fact]
    public void Table_CoversTheEightCollections()
    {
        Assert.Equal(Collections.Select(t => t.FullName).Order(), Rows().Select(r => r.Type).Order());
    }

    [Fact]
    public void EveryMember_ExistsOnItsTypeAndIsEitherReadOrWrite()
    {
        var missing = new List<string>();
        foreach (var row in Rows())
        {
            var type = Collections.Single(t => t.FullName == row.Type);
            var reads = row.Reads.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var writes = row.Writes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Empty(reads.Intersect(writes));
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet();
            missing.AddRange(reads.Concat(writes).Where(n => !methods.Contains(n)).Select(n => row.Type + "." + n));
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryInterfaceMember_IsDeclaredByItsInterfaceAndIsEitherReadOrWrite()
    {
        var missing = new List<string>();
        foreach (var row in typeof(CollectionContract).GetCustomAttributes<CollectionInterfaceAttribute>())
        {
            var type = typeof(List<>).Assembly.GetType(row.Type) ?? typeof(System.Collections.IList).Assembly.GetType(row.Type);
            Assert.True(type is { IsInterface: true }, row.Type);
            var reads = row.Reads.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var writes = row.Writes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Empty(reads.Intersect(writes));
            // The rewriter matches the interface a call names, so a member must be declared there, not inherited.
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name).ToHashSet();
            missing.AddRange(reads.Concat(writes).Where(n => !methods.Contains(n)).Select(n => row.Type + "." + n));
        }
        Assert.Empty(missing);
    }
}
