namespace SharpSan.Runtime.Races.Deadlock;

/// <summary>One edge of the lock-order graph: a thread acquired <see cref="To"/> while holding <see cref="From"/>.</summary>
internal readonly record struct LockEdge(int From, int To, int Tid, int HeldStack, int AcquiredStack);

/// <summary>
/// The lock-acquisition order graph (TSan's deadlock detector): nodes are lock ids, an edge H→L means some thread took
/// L while holding H. A cycle is a potential deadlock. Not thread-safe: callers lock.
/// </summary>
internal sealed class LockGraph
{
    readonly Dictionary<int, Dictionary<int, LockEdge>> _edges = [];

    /// <summary>Adds the edge unless one between the same locks exists (the first one keeps its stacks); true when new.</summary>
    public bool Add(LockEdge edge)
    {
        if (!_edges.TryGetValue(edge.From, out var outgoing)) _edges[edge.From] = outgoing = [];
        return outgoing.TryAdd(edge.To, edge);
    }

    public LockEdge? Edge(int from, int to) =>
        _edges.TryGetValue(from, out var outgoing) && outgoing.TryGetValue(to, out var e) ? e : null;

    /// <summary>A shortest path of edges from <paramref name="from"/> to <paramref name="to"/> (breadth first), or null.</summary>
    public List<LockEdge>? FindPath(int from, int to)
    {
        var cameBy = new Dictionary<int, LockEdge>();
        var seen = new HashSet<int> { from };
        var queue = new Queue<int>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int node = queue.Dequeue();
            if (node == to)
            {
                var path = new List<LockEdge>();
                while (node != from)
                {
                    var e = cameBy[node];
                    path.Add(e);
                    node = e.From;
                }
                path.Reverse();
                return path;
            }
            if (!_edges.TryGetValue(node, out var outgoing)) continue;
            foreach (var (next, edge) in outgoing.OrderBy(p => p.Key))
                if (seen.Add(next))
                {
                    cameBy[next] = edge;
                    queue.Enqueue(next);
                }
        }
        return null;
    }

    /// <summary>
    /// Adds <paramref name="edge"/>; when it is new and closes a cycle, returns the cycle's edges starting with the
    /// path from edge.To back to edge.From and ending with <paramref name="edge"/> itself.
    /// </summary>
    public List<LockEdge>? AddAndFindCycle(LockEdge edge)
    {
        if (edge.From == edge.To || !Add(edge)) return null;
        var path = FindPath(edge.To, edge.From);
        if (path is null) return null;
        path.Add(edge);
        return path;
    }
}
