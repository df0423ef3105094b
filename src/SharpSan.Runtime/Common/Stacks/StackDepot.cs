using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Common.Stacks;

/// <summary>
/// Deduplicating store of captured stacks (compiler-rt's stack depot): a stack is kept once and named by
/// a 32-bit id; allocation headers store only the id. Lookups are lock-free; inserts take a lock.
/// Storage is append-only chunks, so a published id stays valid for the life of the process.
/// </summary>
public static class StackDepot
{
    const int BucketBits = 16;
    const int ChunkSize = 1 << 16;

    // Node i: hash, start index into frame storage, length, next node (+1; 0 = end of chain).
    sealed class Node(int hash, long start, int length, int next)
    {
        public readonly int Hash = hash, Length = length, Next = next;
        public readonly long Start = start;
    }

    static readonly int[] s_buckets = new int[1 << BucketBits];   // node index + 1
    static readonly List<Node> s_nodes = [];
    static Node[] s_nodeSnapshot = new Node[1024];
    // Fixed table of chunks so lock-free readers never see a resized container.
    static readonly long[]?[] s_frameChunks = new long[]?[1 << 14];
    static int s_chunkCount = 1, s_chunkUsed;

    static StackDepot() => s_frameChunks[0] = new long[ChunkSize];
    static readonly object s_lock = new();

    // Allocation sites repeat: a small per-thread cache maps a 64-bit hash of the frames straight to the id,
    // skipping the shared table. A 64-bit collision (≈ n²/2⁶⁴) would only mislabel a stack in a report.
    const int CacheSize = 256;
    [ThreadStatic] static ulong[]? t_cacheKeys;
    [ThreadStatic] static int[]? t_cacheIds;

    /// <summary>Returns the id of <paramref name="frames"/> (innermost first). Id 0 is the empty stack.</summary>
    public static int Put(ReadOnlySpan<long> frames)
    {
        if (frames.IsEmpty) return 0;
        if (frames.Length > 1024) frames = frames[..1024];
        ulong key = Hash64(frames) | 1;   // never 0, the empty slot
        var keys = t_cacheKeys ??= new ulong[CacheSize];
        var ids = t_cacheIds ??= new int[CacheSize];
        int slot = (int)(key >> 56) & (CacheSize - 1);
        if (keys[slot] == key) return ids[slot];
        int id = PutShared(frames);
        keys[slot] = key;
        ids[slot] = id;
        return id;
    }

    static int PutShared(ReadOnlySpan<long> frames)
    {
        int hash = Hash(frames);
        ref int bucket = ref s_buckets[hash & ((1 << BucketBits) - 1)];
        int found = Find(Volatile.Read(ref bucket), hash, frames);
        if (found != 0) return found;
        lock (s_lock)
        {
            found = Find(bucket, hash, frames);
            if (found != 0) return found;
            long start = Append(frames);
            s_nodes.Add(new Node(hash, start, frames.Length, bucket));
            int id = s_nodes.Count;
            if (id > s_nodeSnapshot.Length) Array.Resize(ref s_nodeSnapshot, s_nodeSnapshot.Length * 2);
            s_nodeSnapshot[id - 1] = s_nodes[id - 1];
            Volatile.Write(ref bucket, id);
            return id;
        }
    }

    /// <summary>The frames of stack <paramref name="id"/>, innermost first.</summary>
    public static long[] Get(int id)
    {
        if (id <= 0) return [];
        Node node;
        lock (s_lock) node = s_nodes[id - 1];
        var result = new long[node.Length];
        lock (s_lock) Read(node).CopyTo(result);
        return result;
    }

    public static int Count { get { lock (s_lock) return s_nodes.Count; } }

    static int Find(int head, int hash, ReadOnlySpan<long> frames)
    {
        var snapshot = Volatile.Read(ref s_nodeSnapshot);
        for (int i = head; i != 0;)
        {
            if (i > snapshot.Length) { snapshot = Volatile.Read(ref s_nodeSnapshot); continue; }
            var node = snapshot[i - 1];
            if (node is null) { snapshot = Volatile.Read(ref s_nodeSnapshot); continue; }
            if (node.Hash == hash && node.Length == frames.Length && Read(node).SequenceEqual(frames)) return i;
            i = node.Next;
        }
        return 0;
    }

    static ReadOnlySpan<long> Read(Node node) =>
        s_frameChunks[(int)(node.Start / ChunkSize)]!.AsSpan((int)(node.Start % ChunkSize), node.Length);

    static long Append(ReadOnlySpan<long> frames)
    {
        if (s_chunkUsed + frames.Length > ChunkSize)
        {
            s_frameChunks[s_chunkCount++] = new long[ChunkSize];
            s_chunkUsed = 0;
        }
        long start = (long)(s_chunkCount - 1) * ChunkSize + s_chunkUsed;
        frames.CopyTo(s_frameChunks[s_chunkCount - 1]!.AsSpan(s_chunkUsed));
        s_chunkUsed += frames.Length;
        return start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Hash64(ReadOnlySpan<long> frames)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)frames.Length;
        foreach (long f in frames)
        {
            h ^= (ulong)f;
            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
        }
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Hash(ReadOnlySpan<long> frames)
    {
        ulong h = 14695981039346656037UL;
        foreach (long f in frames) h = (h ^ (ulong)f) * 1099511628211UL;
        return (int)(h ^ (h >> 32));
    }
}
