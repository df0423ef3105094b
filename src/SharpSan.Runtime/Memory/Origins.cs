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
    /// <summary>track_origins=2: an undefined value was stored here; <c>Previous</c> is where it came from.</summary>
    StoredTo,
}

/// <summary>
/// Origin ids (MSan's track_origins): the 4-byte value the shadow keeps beside each undefined granule stands for a
/// kind, the stack where the memory was created and a short description. Ids are deduplicated by (kind, stack,
/// description), so a loop allocating at one place uses one id. Id 0 means "unknown".
/// </summary>
public static class Origins
{
    readonly record struct Origin(OriginKind Kind, int StackId, string Description, int Previous = 0, int Depth = 0);

    /// <summary>track_origins (0, 1, 2), read once: at 2 the instrumented stores chain origins (MSan's origin history).</summary>
    public static readonly int Tracking = (int)SanitizerRuntime.Options.GetInt("track_origins");

    /// <summary>MSan's origin_history_size: a chain stops growing after this many stores (the oldest are kept).</summary>
    const int MaxChainDepth = 16;

    static readonly object s_lock = new();
    static readonly List<Origin> s_origins = [default];
    static readonly Dictionary<Origin, int> s_ids = [];

    /// <summary>The last (kind, stack) → id this thread made without a description: an allocation loop asks for the same one.</summary>
    [ThreadStatic] static long t_lastKey;
    [ThreadStatic] static int t_lastId;

    public static int New(OriginKind kind, int stackId, string description = "")
    {
        if (description.Length > 0) return New(new Origin(kind, stackId, description));
        long key = (long)(kind + 1) << 32 | (uint)stackId;
        if (t_lastKey == key) return t_lastId;
        int id = New(new Origin(kind, stackId, description));
        (t_lastKey, t_lastId) = (key, id);
        return id;
    }

    /// <summary>
    /// A store of an undefined value with origin <paramref name="previous"/> at the stack <paramref name="stackId"/>: a
    /// new origin id that points back to it, still 4 bytes in the shadow (MSan's chained origins). Deduplicated, so a
    /// loop storing at one place makes one link.
    /// </summary>
    public static int Chain(int previous, int stackId)
    {
        int depth = DepthOf(previous) + 1;
        return depth > MaxChainDepth ? previous : New(new Origin(OriginKind.StoredTo, stackId, "", previous, depth));
    }

    static int DepthOf(int id)
    {
        lock (s_lock) return id > 0 && id < s_origins.Count && s_origins[id].Kind == OriginKind.StoredTo ? s_origins[id].Depth : 0;
    }

    static int New(Origin origin)
    {
        lock (s_lock)
        {
            if (s_ids.TryGetValue(origin, out int id)) return id;
            id = s_origins.Count;
            s_origins.Add(origin);
            s_ids[origin] = id;
            return id;
        }
    }

    /// <summary>Prints the origin block of a report: with track_origins=2 the stores newest first, then "Uninitialized value was created by …", each with its stack.</summary>
    public static void Print(int id, ReportBuilder report)
    {
        if (Tracking == 0) return;
        Origin origin;
        lock (s_lock) origin = id > 0 && id < s_origins.Count ? s_origins[id] : default;
        for (int links = 0; origin.Kind == OriginKind.StoredTo && links <= MaxChainDepth; links++)
        {
            report.Line("  Uninitialized value was stored to memory at");
            report.Stack(origin.StackId);
            report.Line();
            id = origin.Previous;
            lock (s_lock) origin = id > 0 && id < s_origins.Count ? s_origins[id] : default;
        }
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
