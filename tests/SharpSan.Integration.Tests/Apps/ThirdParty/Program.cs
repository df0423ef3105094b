// Exercises CommunityToolkit.HighPerformance and Microsoft.IO.RecyclableMemoryStream the way an application
// does (thousands of operations, every result checked against a plain managed computation).
// `ThirdParty.dll` -> correct code everywhere: must run clean under SharpSan.
// `ThirdParty.dll overflow` -> the same workload, then the app's OWN code overflows a NativeMemory buffer it
// filled from a MemoryOwner: exactly one heap-buffer-overflow at the line marked BUG-LINE.
// `ThirdParty.dll misuse` -> the app hands the package a native buffer one element too small for the Span2D it
// describes; the out-of-bounds access happens inside the (instrumented) package, called from MISUSE-LINE.
// `ThirdParty.dll stale` -> the app keeps a MemoryOwner's span after disposing it (the package returns the array to
// ArrayPool inside Dispose) and writes through it at STALE-LINE: pool-use-after-return.
using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CommunityToolkit.HighPerformance;
using CommunityToolkit.HighPerformance.Buffers;
using CommunityToolkit.HighPerformance.Helpers;
using Microsoft.IO;

namespace ThirdPartyApp;

public static unsafe class Program
{
    static int s_failures;

    static void Check(bool condition, string what)
    {
        if (!condition && s_failures++ < 20) Console.WriteLine($"MISMATCH: {what}");
    }

    public static int Main(string[] args)
    {
        bool overflow = args.Contains("overflow");
        int scale = overflow ? 1 : 4;
        if (args.Contains("stale"))
        {
            WriteAfterDispose();
            return 0;
        }
        if (args.Contains("misuse"))
        {
            MisuseSpan2D(6, 7);
            return 0;
        }

        long ops = 0;
        ops += MemoryOwners(500 * scale);
        ops += SpanOwners(500 * scale);
        ops += BufferWriters(250 * scale);
        ops += StringPools(2000 * scale);
        ops += Spans2D(100 * scale);
        ops += NativeSpan2D(100 * scale);
        ops += Parallel(scale);
        ops += RecyclableStreams(300 * scale);

        if (overflow) CopyToNative(37);

        if (s_failures > 0)
        {
            Console.WriteLine($"thirdparty: FAILED with {s_failures} mismatches");
            return 3;
        }
        Console.WriteLine($"thirdparty: ok ({ops} operations verified)");
        return 0;
    }

    static long MemoryOwners(int rounds)
    {
        var rng = new Random(1);
        long ops = 0;
        for (int r = 0; r < rounds; r++)
        {
            int n = rng.Next(1, 3000);
            var owner = MemoryOwner<int>.Allocate(n);
            Check(owner.Length == n, "MemoryOwner.Length");
            Span<int> span = owner.Span;
            for (int i = 0; i < n; i++) span[i] = i * 7 + r;
            ref int first = ref owner.DangerousGetReference();
            Check(first == r, "MemoryOwner.DangerousGetReference");
            Check(owner.Memory.Span.Count(r + 7) == (n > 1 ? 1 : 0), "Span.Count");
            // Slice hands the pooled array over to the new owner (the original is disposed by it).
            int start = rng.Next(0, n), length = rng.Next(0, n - start + 1);
            using var slice = owner.Slice(start, length);
            long sum = 0;
            foreach (int v in slice.Span) sum += v;
            long expected = 0;
            for (int i = start; i < start + length; i++) expected += i * 7 + r;
            Check(sum == expected, $"MemoryOwner slice sum {sum} != {expected}");
            ops += n;
        }
        return ops;
    }

    static long SpanOwners(int rounds)
    {
        var rng = new Random(2);
        long ops = 0;
        for (int r = 0; r < rounds; r++)
        {
            int n = rng.Next(1, 5000);
            using var owner = SpanOwner<byte>.Allocate(n, AllocationMode.Clear);
            Span<byte> span = owner.Span;
            Check(span.Length == n, "SpanOwner.Length");
            Check(span.IndexOfAnyExcept((byte)0) < 0, "SpanOwner cleared");
            rng.NextBytes(span);
            byte[] copy = span.ToArray();
            Check(span.GetDjb2HashCode() == ((ReadOnlySpan<byte>)copy).GetDjb2HashCode(), "Djb2 hash");
            Check(span.SequenceEqual(copy), "SpanOwner contents");
            ops += n;
        }
        return ops;
    }

    static long BufferWriters(int rounds)
    {
        var rng = new Random(3);
        long ops = 0;
        for (int r = 0; r < rounds; r++)
        {
            using var writer = new ArrayPoolBufferWriter<byte>(16);
            var expected = new List<byte>();
            int chunks = rng.Next(1, 40);
            for (int c = 0; c < chunks; c++)
            {
                int size = rng.Next(1, 700);
                Span<byte> dest = writer.GetSpan(size);
                for (int i = 0; i < size; i++) { dest[i] = (byte)(c * 31 + i); expected.Add(dest[i]); }
                writer.Advance(size);
                ops++;
            }
            Check(writer.WrittenCount == expected.Count, "ArrayPoolBufferWriter.WrittenCount");
            Check(writer.WrittenSpan.SequenceEqual(expected.ToArray()), "ArrayPoolBufferWriter contents");
            using (var stream = writer.WrittenMemory.AsStream())
            {
                var back = new byte[expected.Count];
                stream.ReadExactly(back);
                Check(back.AsSpan().SequenceEqual(writer.WrittenSpan), "Memory.AsStream round trip");
            }
            writer.Clear();
            Check(writer.WrittenCount == 0, "ArrayPoolBufferWriter.Clear");
        }
        return ops;
    }

    static long StringPools(int rounds)
    {
        var pool = new StringPool(64);
        var words = Enumerable.Range(0, 300).Select(i => $"word-{i * 7919 % 1000}-{new string('x', i % 13)}").ToArray();
        var rng = new Random(4);
        long ops = 0;
        Span<char> scratch = stackalloc char[64];
        for (int r = 0; r < rounds; r++)
        {
            string w = words[rng.Next(words.Length)];
            Span<char> buffer = scratch[..w.Length];
            w.AsSpan().CopyTo(buffer);
            string pooled = pool.GetOrAdd(buffer);
            Check(pooled == w, "StringPool.GetOrAdd value");
            Check(pool.GetOrAdd(pooled) == w, "StringPool second lookup");
            string shared = StringPool.Shared.GetOrAdd(w.AsSpan());
            Check(shared == w, "StringPool.Shared");
            ops += 3;
        }
        return ops;
    }

    static long Spans2D(int rounds)
    {
        var rng = new Random(5);
        long ops = 0;
        for (int r = 0; r < rounds; r++)
        {
            int h = rng.Next(1, 60), w = rng.Next(1, 60);
            int[] data = new int[h * w];
            var span2d = new Span2D<int>(data, h, w);
            for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++)
                    span2d[i, j] = i * 1000 + j;
            long total = 0;
            for (int i = 0; i < h; i++)
                foreach (int v in span2d.GetRow(i)) total += v;
            long colTotal = 0;
            for (int j = 0; j < w; j++)
                foreach (int v in span2d.GetColumn(j)) colTotal += v;
            long expected = 0;
            for (int i = 0; i < h; i++) for (int j = 0; j < w; j++) expected += i * 1000 + j;
            Check(total == expected && colTotal == expected, $"Span2D sums {total}/{colTotal} != {expected}");

            int sr = rng.Next(0, h), sc = rng.Next(0, w);
            var sub = span2d.Slice(sr, sc, h - sr, w - sc);
            Check(sub.Length == (h - sr) * (w - sc), "Span2D.Slice length");
            if (sub.Length > 0) Check(sub[0, 0] == sr * 1000 + sc, "Span2D.Slice origin");

            var memory2d = new Memory2D<int>(data, h, w);
            Check(memory2d.Span[h - 1, w - 1] == (h - 1) * 1000 + (w - 1), "Memory2D corner");
            var copy = memory2d.Span.ToArray();
            Check(copy[h - 1, w - 1] == (h - 1) * 1000 + (w - 1), "Span2D.ToArray");
            ops += h * w;
        }
        return ops;
    }

    // Span2D over native memory: the package dereferences the pointer through Unsafe.* in its own code.
    static long NativeSpan2D(int rounds)
    {
        var rng = new Random(6);
        long ops = 0;
        for (int r = 0; r < rounds; r++)
        {
            int h = rng.Next(1, 40), w = rng.Next(1, 40), pitch = rng.Next(0, 5);
            int count = h * (w + pitch) - pitch;
            int* p = (int*)NativeMemory.Alloc((nuint)count, sizeof(int));
            var span2d = new Span2D<int>(p, h, w, pitch);
            span2d.Fill(r);
            for (int i = 0; i < h; i++) span2d[i, w - 1] = i;
            long sum = 0;
            for (int i = 0; i < h; i++) for (int j = 0; j < w; j++) sum += span2d[i, j];
            long expected = (long)h * (w - 1) * r + (long)h * (h - 1) / 2;
            Check(sum == expected, $"native Span2D sum {sum} != {expected}");
            Check(p[(h - 1) * (w + pitch) + w - 1] == h - 1, "native Span2D last element");
            NativeMemory.Free(p);
            ops += h * w;
        }
        return ops;
    }

    readonly struct SquareInto(Memory<long> output) : IAction
    {
        public void Invoke(int i) => output.Span[i] = (long)i * i;
    }

    static long Parallel(int scale)
    {
        int n = 20000 * scale;
        var output = new long[n];
        ParallelHelper.For(0, n, new SquareInto(output));
        long sum = 0;
        foreach (long v in output) sum += v;
        long expected = 0;
        for (long i = 0; i < n; i++) expected += i * i;
        Check(sum == expected, $"ParallelHelper.For sum {sum} != {expected}");
        return n;
    }

    static long RecyclableStreams(int rounds)
    {
        var manager = new RecyclableMemoryStreamManager(new RecyclableMemoryStreamManager.Options
        {
            BlockSize = 1024,
            LargeBufferMultiple = 64 * 1024,
            MaximumBufferSize = 4 * 1024 * 1024,
            MaximumSmallPoolFreeBytes = 1024 * 1024,
            MaximumLargePoolFreeBytes = 4 * 1024 * 1024,
        });
        var rng = new Random(7);
        long ops = 0;
        for (int r = 0; r < rounds; r++)
        {
            int total = rng.Next(1, 20000);
            byte[] expected = new byte[total];
            rng.NextBytes(expected);
            using var stream = manager.GetStream("integration-" + r);
            int written = 0;
            while (written < total)
            {
                int chunk = Math.Min(rng.Next(1, 3000), total - written);
                if (r % 2 == 0)
                {
                    stream.Write(expected, written, chunk);
                }
                else
                {
                    Span<byte> dest = stream.GetSpan(chunk);
                    expected.AsSpan(written, chunk).CopyTo(dest);
                    stream.Advance(chunk);
                }
                written += chunk;
                ops++;
            }
            Check(stream.Length == total, "RecyclableMemoryStream.Length");
            stream.Position = 0;
            var back = new byte[total];
            stream.ReadExactly(back);
            Check(back.AsSpan().SequenceEqual(expected), "RecyclableMemoryStream read back");

            ReadOnlySequence<byte> sequence = stream.GetReadOnlySequence();
            Check(sequence.Length == total && sequence.ToArray().AsSpan().SequenceEqual(expected), "GetReadOnlySequence");
            Check(SHA256.HashData(stream.GetBuffer().AsSpan(0, total)).AsSpan().SequenceEqual(SHA256.HashData(expected)), "GetBuffer hash");

            using var target = manager.GetStream();
            stream.WriteTo(target);
            Check(target.Length == total, "WriteTo length");
            ops += 4;
        }
        Check(manager.SmallPoolInUseSize == 0 && manager.LargePoolInUseSize == 0, "every pooled block returned");
        return ops;
    }

    // The application's bug, surfacing in the package: the native block holds height * width - 1 ints.
    static void MisuseSpan2D(int height, int width)
    {
        int* p = (int*)NativeMemory.Alloc((nuint)(height * width - 1), sizeof(int));
        var grid = new Span2D<int>(p, height, width, 0);
        grid.Fill(42); // MISUSE-LINE
        Console.WriteLine($"thirdparty: filled {grid.Length} cells");
        NativeMemory.Free(p);
    }

    static void WriteAfterDispose()
    {
        var owner = MemoryOwner<byte>.Allocate(48);
        Span<byte> span = owner.Span;
        span.Fill(1);
        owner.Dispose();
        span[3] = 2; // STALE-LINE
        Console.WriteLine("thirdparty: wrote after dispose");
    }

    // The application's own bug: it sizes the native copy for `count` ints but writes a terminator after them.
    static void CopyToNative(int count)
    {
        using var owner = MemoryOwner<int>.Allocate(count);
        for (int i = 0; i < count; i++) owner.Span[i] = i + 1;
        int* native = (int*)NativeMemory.Alloc((nuint)count, sizeof(int));
        fixed (int* src = owner.Span) Buffer.MemoryCopy(src, native, count * sizeof(int), count * sizeof(int));
        native[count] = -1; // BUG-LINE: terminator written one past the end
        long sum = 0;
        for (int i = 0; i < count; i++) sum += native[i];
        Console.WriteLine($"thirdparty: native copy sum {sum}");
        NativeMemory.Free(native);
    }
}
