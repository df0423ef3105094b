using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Races.Hybrid;

/// <summary>A lock as the hybrid detector names it in reports: L1, L2, … with its kind and the last place it was taken.</summary>
internal sealed class LockInfo(int id, string kind)
{
    public readonly int Id = id;
    public readonly string Kind = kind;
    /// <summary>Stack depot id and thread of the latest acquisition (TSan v1 reports "last lock sites").</summary>
    public int LastStack;
    public int LastTid;
}

/// <summary>Lock ids, one per lock object (weakly held: a collected lock's id is never reused, nor needed again).</summary>
internal static class LockRegistry
{
    static readonly ConditionalWeakTable<object, LockInfo> s_byLock = new();
    static readonly List<LockInfo> s_byId = [new LockInfo(0, "none")];

    public static LockInfo For(object key, string? kind) =>
        s_byLock.GetValue(key, k =>
        {
            lock (s_byId)
            {
                var info = new LockInfo(s_byId.Count, kind ?? KindOf(k));
                s_byId.Add(info);
                return info;
            }
        });

    public static LockInfo? Find(int id)
    {
        lock (s_byId) return (uint)id < (uint)s_byId.Count ? s_byId[id] : null;
    }

    static string KindOf(object lockObject) => lockObject.GetType().FullName switch
    {
        "System.Threading.Lock" => "Lock",
        "System.Threading.ReaderWriterLockSlim" => "ReaderWriterLockSlim",
        "System.Threading.ReaderWriterLock" => "ReaderWriterLock",
        var type => $"Monitor of a {type}",
    };
}
