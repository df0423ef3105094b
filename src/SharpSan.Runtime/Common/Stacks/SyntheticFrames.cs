namespace SharpSan.Runtime.Common.Stacks;

/// <summary>
/// Names of BCL entry points that SharpSan intercepts; they appear as frame #0 of allocation, free and
/// access stacks ("#0 in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)"), as libc's malloc does in ASan reports.
/// </summary>
public static class SyntheticFrames
{
    static readonly List<string> s_names = [];
    static readonly Dictionary<string, int> s_ids = [];

    public static int Register(string displayName)
    {
        lock (s_names)
        {
            if (s_ids.TryGetValue(displayName, out int id)) return id;
            s_ids[displayName] = id = s_names.Count;
            s_names.Add(displayName);
            return id;
        }
    }

    public static string Name(int id)
    {
        lock (s_names) return (uint)id < (uint)s_names.Count ? s_names[id] : "<unknown interceptor>";
    }
}
