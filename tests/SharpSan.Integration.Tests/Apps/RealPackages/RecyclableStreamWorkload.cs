using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.IO;

namespace RealPackages;

/// <summary>
/// Microsoft.IO.RecyclableMemoryStream from four threads sharing one manager: small-block and large-buffer streams
/// written through Write, WriteByte and the IBufferWriter API, read back through Read, GetReadOnlySequence and
/// GetBuffer; streams handed to another thread to be disposed there (their blocks go back to the pools from that
/// thread), and one stream read concurrently with SafeRead.
/// </summary>
static class RecyclableStreamWorkload
{
    const int Threads = 4;
    const int Rounds = 60;

    public static string Run()
    {
        var manager = new RecyclableMemoryStreamManager(new RecyclableMemoryStreamManager.Options
        {
            BlockSize = 1024,
            LargeBufferMultiple = 16 * 1024,
            MaximumBufferSize = 256 * 1024,
            MaximumSmallPoolFreeBytes = 512 * 1024,
            MaximumLargePoolFreeBytes = 1024 * 1024,
            AggressiveBufferReturn = true,
        });
        using var disposals = new BlockingCollection<RecyclableMemoryStream>(boundedCapacity: 4);
        var disposer = Task.Run(() =>
        {
            int disposed = 0;
            foreach (var stream in disposals.GetConsumingEnumerable())
            {
                Data.Check(stream.Length > 0, "handed-off stream still holds its data");
                stream.Dispose();
                disposed++;
            }
            return disposed;
        });

        var verified = new long[Threads];
        var workers = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int id = t;
            workers[t] = new Thread(() => verified[id] = Work(manager, disposals, id));
            workers[t].Start();
        }
        foreach (var worker in workers) worker.Join();
        disposals.CompleteAdding();
        int handedOff = disposer.Result;

        long concurrent = ConcurrentSafeReads(manager);
        Data.Check(manager.SmallPoolInUseSize == 0 && manager.LargePoolInUseSize == 0,
            $"all buffers back in the pools ({manager.SmallPoolInUseSize} small, {manager.LargePoolInUseSize} large in use)");
        return $"{verified.Sum() + concurrent} bytes verified, {handedOff} streams disposed by another thread";
    }

    static long Work(RecyclableMemoryStreamManager manager, BlockingCollection<RecyclableMemoryStream> disposals, int id)
    {
        long verified = 0;
        for (int round = 0; round < Rounds; round++)
        {
            int length = 200 + (id * 7919 + round * 3571) % (round % 5 == 0 ? 200_000 : 9_000);
            var expected = Data.Text(length, id * 1000 + round);
            var stream = manager.GetStream($"worker-{id}");
            WriteInPieces(stream, expected, round);
            Data.Check(stream.Length == length, $"length {stream.Length} != {length}");
            verified += Verify(stream, expected, round);
            if (round % 7 == 3) disposals.Add(stream);
            else stream.Dispose();
        }
        return verified;
    }

    static void WriteInPieces(RecyclableMemoryStream stream, byte[] data, int round)
    {
        int at = 0;
        int piece = 0;
        while (at < data.Length)
        {
            int n = Math.Min(1 + (piece * 977 + round) % 3000, data.Length - at);
            switch (piece++ % 3)
            {
                case 0:
                    stream.Write(data.AsSpan(at, n));
                    break;
                case 1:
                    var span = stream.GetSpan(n);
                    data.AsSpan(at, n).CopyTo(span);
                    stream.Advance(n);
                    break;
                default:
                    n = Math.Min(n, 5);
                    for (int i = 0; i < n; i++) stream.WriteByte(data[at + i]);
                    break;
            }
            at += n;
        }
    }

    static long Verify(RecyclableMemoryStream stream, byte[] expected, int round)
    {
        var sequence = stream.GetReadOnlySequence();
        Data.CheckEqual(expected, sequence.ToArray(), "read-only sequence");

        stream.Position = 0;
        var back = new byte[expected.Length];
        int read = 0;
        while (read < back.Length)
        {
            int n = stream.Read(back.AsSpan(read, Math.Min(4093, back.Length - read)));
            if (n == 0) break;
            read += n;
        }
        Data.CheckEqual(expected, back, "read back");

        if (round % 4 == 1)
        {
            // GetBuffer turns the blocks into one large (pooled) buffer.
            var buffer = stream.GetBuffer();
            Data.CheckEqual(expected, buffer.AsSpan(0, expected.Length), "GetBuffer");
            var copy = new MemoryStream();
            stream.Position = 0;
            stream.CopyTo(copy);
            Data.CheckEqual(expected, copy.ToArray(), "CopyTo");
        }
        return expected.Length * 2L;
    }

    /// <summary>SafeRead keeps the position in the caller's variable: several readers may share one stream.</summary>
    static long ConcurrentSafeReads(RecyclableMemoryStreamManager manager)
    {
        var expected = Data.Mixed(150_000, 77);
        using var stream = manager.GetStream("shared", expected);
        var readers = Enumerable.Range(0, Threads).Select(id => Task.Run(() =>
        {
            long position = id * 1000;
            var back = new byte[expected.Length - position];
            int total = 0;
            int n;
            while ((n = stream.SafeRead(back.AsSpan(total, Math.Min(1500 + id, back.Length - total)), ref position)) > 0) total += n;
            Data.CheckEqual(expected.AsSpan(id * 1000), back.AsSpan(0, total), $"SafeRead of reader {id}");
            return (long)total;
        })).ToArray();
        Task.WaitAll(readers);
        return readers.Sum(r => r.Result);
    }
}
