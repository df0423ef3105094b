// Four threads share one RecyclableMemoryStreamManager: each rents streams, writes a pattern, reads it back and
// returns the stream, so pooled blocks pass from thread to thread. Results are combined under a lock and by Join.
using Microsoft.IO;

var manager = new RecyclableMemoryStreamManager(new RecyclableMemoryStreamManager.Options
{
    BlockSize = 1024,
    LargeBufferMultiple = 64 * 1024,
    MaximumBufferSize = 1024 * 1024,
    MaximumSmallPoolFreeBytes = 4 * 1024 * 1024,
});
int threads = args.Length > 0 ? int.Parse(args[0]) : 4;
int rounds = args.Length > 1 ? int.Parse(args[1]) : 400;
var totals = new Totals();
var workers = new Thread[threads];
for (int t = 0; t < threads; t++)
{
    int id = t;
    workers[t] = new Thread(() => totals.Add(Work(manager, id, rounds)));
    workers[t].Start();
}
foreach (var w in workers) w.Join();
Console.WriteLine($"threadsafe: ok ({totals.Bytes} bytes verified, {manager.SmallPoolInUseSize} in use)");

static long Work(RecyclableMemoryStreamManager manager, int id, int rounds)
{
    long verified = 0;
    var pattern = new byte[3000];
    for (int round = 0; round < rounds; round++)
    {
        int length = 100 + (id * 997 + round * 131) % (pattern.Length - 100);
        for (int i = 0; i < length; i++) pattern[i] = (byte)(i * 7 + id + round);
        using var stream = manager.GetStream("worker");
        stream.Write(pattern, 0, length);
        stream.Position = 0;
        var copy = new byte[length];
        int read = stream.Read(copy, 0, length);
        for (int i = 0; i < read; i++)
            if (copy[i] != pattern[i]) throw new InvalidOperationException($"MISMATCH at {i} in round {round} of thread {id}");
        verified += read;
    }
    return verified;
}

sealed class Totals
{
    readonly object _gate = new();
    long _bytes;

    public long Bytes { get { lock (_gate) return _bytes; } }

    public void Add(long bytes)
    {
        lock (_gate) _bytes += bytes;
    }
}
