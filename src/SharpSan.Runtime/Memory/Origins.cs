using SharpSan.Runtime.Common.Reporting;

namespace SharpSan.Runtime.Memory;

/// <summary>How an undefined value came to be (MSan's origin kinds).</summary>
public enum OriginKind
{
    HeapAllocation,
    StackAllocation,
    RentedArray,
    HeapDeallocation,
    Annotation,
}

/// <summary>
/// Origin ids (MSan's track_origins): the 4-byte value the shadow keeps beside each undefined granule stands for a
/// kind, the stack where the memory was created and a short description. Ids are deduplicated by (kind, stack,
/// description), so a loop allocating at one place uses one id. Id 0 means "unknown".
/// </summary>
public static class Origins
{
    readonly record struct Origin(OriginKind Kind, int StackId, string Description);

    static readonly object s_lock = new();
    static readonly List<Origin> s_origins = [default];
    static readonly Dictionary<Origin, int> s_ids = [];

    /// <summary>The last (kind, stack) → id this thread made without a description: an allocation loop asks for the same one.</summary>
    [ThreadStatic] static long t_lastKey;
    [ThreadStatic] static int t_lastId;

    public static int New(OriginKind kind, int stackId, string description = "")
    {
        if (description.Length > 0) return NewLocked(kind, stackId, description);
        long key = (long)(kind + 1) << 32 | (uint)stackId;
        if (t_lastKey == key) return t_lastId;
        int id = NewLocked(kind, stackId, description);
        (t_lastKey, t_lastId) = (key, id);
        return id;
    }

    static int NewLocked(OriginKind kind, int stackId, string description)
    {
        var origin = new Origin(kind, stackId, description);
        lock (s_lock)
        {
            if (s_ids.TryGetValue(origin, out int id)) return id;
            id = s_origins.Count;
            s_origins.Add(origin);
            s_ids[origin] = id;
            return id;
        }
    }

    /// <summary>Prints the origin block of a report ("Uninitialized value was created by …" and its stack).</summary>
    public static void Print(int id, ReportBuilder report)
    {
        Origin origin;
        lock (s_lock) origin = id > 0 && id < s_origins.Count ? s_origins[id] : default;
        if (id <= 0 || origin.StackId == 0 && origin.Description.Length == 0)
        {
            report.Line("  Uninitialized value was created in an unknown place (its origin was not recorded)");
            return;
        }
        string headline = origin.Kind switch
        {
            OriginKind.StackAllocation => $"  Uninitialized value was created by an allocation of '{origin.Description}' in the stack frame of function '{FunctionOf(origin.StackId)}'",
            OriginKind.RentedArray => $"  Uninitialized value was created by {origin.Description}",
            OriginKind.HeapDeallocation => "  Uninitialized value was created by a heap deallocation",
            OriginKind.Annotation => $"  Uninitialized value was created by {origin.Description}",
            _ => "  Uninitialized value was created by a heap allocation",
        };
        report.Line(headline);
        report.Stack(origin.StackId);
    }

    static string FunctionOf(int stackId)
    {
        var frames = Common.Stacks.StackDepot.Get(stackId);
        if (frames.Length == 0) return "?";
        return Common.Symbolization.Symbolizer.Symbolize(Common.Stacks.StackFrame.Unpack(frames[0])).Method;
    }
}
