// Drives the ref-field and ref-struct APIs of CommunityToolkit.HighPerformance 8.4 the way an application does, and
// checks every result against plain managed code. One thread (the package's ref-field types are stack-only), correct
// code everywhere: must run clean and print the same under every sanitizer.
using System.Runtime.InteropServices;
using CommunityToolkit.HighPerformance;
using CommunityToolkit.HighPerformance.Buffers;
using CommunityToolkit.HighPerformance.Enumerables;

namespace RefFieldsToolkitApp;

public static unsafe class Program
{
    static SpinLock s_lock = new(enableThreadOwnerTracking: false);
    static long s_guarded;
    static int s_failures;

    sealed class Counters
    {
        public int Hits;
        public SpinLock Lock = new(enableThreadOwnerTracking: false);
    }

    static void Check(bool condition, string what)
    {
        if (!condition && s_failures++ < 20) Console.WriteLine($"MISMATCH: {what}");
    }

    public static int Main()
    {
        long ops = 0;
        ops += Refs(2000);
        ops += NullableRefs(2000);
        ops += SpinLocks(2000);
        ops += Spans2D(200);
        ops += Enumerators(500);
        ops += NativeRefs(500);
        if (s_failures > 0)
        {
            Console.WriteLine($"reffields: FAILED with {s_failures} mismatches");
            return 3;
        }
        Console.WriteLine($"reffields: ok ({ops} operations verified)");
        return 0;
    }

    /// <summary>Ref&lt;T&gt; and ReadOnlyRef&lt;T&gt; over array elements, class fields and locals.</summary>
    static long Refs(int rounds)
    {
        var values = new int[64];
        var counters = new Counters();
        long ops = 0;
        for (int r = 0; r < rounds; r++)
        {
            var slot = new Ref<int>(ref values[r % values.Length]);
            slot.Value += r;
            var hits = new Ref<int>(ref counters.Hits);
            hits.Value++;
            int local = r;
            var readOnly = new ReadOnlyRef<int>(in local);
            Check(readOnly.Value == r, "ReadOnlyRef.Value");
            ops += 3;
        }
        long expected = 0, actual = 0;
        for (int r = 0; r < rounds; r++) expected += r;
        foreach (int v in values) actual += v;
        Check(actual == expected, "Ref<int> sums");
        Check(counters.Hits == rounds, "Ref<int> on a class field");
        return ops;
    }

    /// <summary>NullableRef&lt;T&gt; and NullableReadOnlyRef&lt;T&gt;, with and without a target.</summary>
    static long NullableRefs(int rounds)
    {
        var values = new long[16];
        long ops = 0;
        for (int r = 0; r < rounds; r++)
        {
            var maybe = r % 3 == 0 ? default : new NullableRef<long>(ref values[r % values.Length]);
            if (maybe.HasValue) maybe.Value += 2;
            var view = r % 3 == 0 ? default : new NullableReadOnlyRef<long>(in values[r % values.Length]);
            Check(maybe.HasValue == view.HasValue && (!view.HasValue || view.Value == values[r % values.Length]), "NullableReadOnlyRef");
            ops += 2;
        }
        long twos = 0;
        for (int r = 0; r < rounds; r++) if (r % 3 != 0) twos += 2;
        Check(values.Sum() == twos, "NullableRef writes");
        return ops;
    }

    /// <summary>SpinLockExtensions.Enter: a ref struct holding a `ref SpinLock` (the shape that was invalid IL).</summary>
    static long SpinLocks(int rounds)
    {
        var counters = new Counters();
        for (int r = 0; r < rounds; r++)
        {
            using (s_lock.Enter()) s_guarded += r;
            using (counters.Lock.Enter()) counters.Hits++;
        }
        Check(s_guarded == (long)rounds * (rounds - 1) / 2, "SpinLock-guarded sum");
        Check(counters.Hits == rounds && !counters.Lock.IsHeld && !s_lock.IsHeld, "SpinLock on a class field");
        return 2L * rounds;
    }

    /// <summary>Span2D/ReadOnlySpan2D with their row and column enumerators (ref fields to the current element).</summary>
    static long Spans2D(int rounds)
    {
        long ops = 0;
        var rng = new Random(7);
        for (int r = 0; r < rounds; r++)
        {
            int height = rng.Next(1, 12), width = rng.Next(1, 12);
            var data = new int[height * width];
            var span = new Span2D<int>(data, height, width);
            for (int i = 0; i < height; i++)
                for (int j = 0; j < width; j++)
                    span[i, j] = i * 100 + j;
            int row = rng.Next(height), column = rng.Next(width);
            long rowSum = 0, columnSum = 0;
            foreach (ref int x in span.GetRow(row)) { rowSum += x; x++; }
            foreach (int x in ((ReadOnlySpan2D<int>)span).GetColumn(column)) columnSum += x;
            long expectedRow = 0, expectedColumn = 0;
            for (int j = 0; j < width; j++) expectedRow += row * 100 + j;
            for (int i = 0; i < height; i++) expectedColumn += i * 100 + column + (i == row ? 1 : 0);
            Check(rowSum == expectedRow, "Span2D.GetRow");
            Check(columnSum == expectedColumn, "ReadOnlySpan2D.GetColumn");
            var slice = span.Slice(0, 0, height, Math.Max(1, width / 2));
            Check(slice.Width == Math.Max(1, width / 2) && slice[0, 0] == (row == 0 ? 1 : 0), "Span2D.Slice");
            ops += height * width + 3;
        }
        return ops;
    }

    /// <summary>SpanEnumerable/ReadOnlySpanEnumerable (Item holds a ref to the element) and SpanTokenizer.</summary>
    static long Enumerators(int rounds)
    {
        long ops = 0;
        for (int r = 0; r < rounds; r++)
        {
            Span<int> span = new int[r % 40 + 1];
            foreach (var item in span.Enumerate()) item.Value = item.Index * 3;
            long sum = 0;
            foreach (var item in ((ReadOnlySpan<int>)span).Enumerate()) sum += item.Value - item.Index;
            Check(sum == (long)span.Length * (span.Length - 1), "SpanEnumerable");
            string text = string.Join(',', Enumerable.Range(0, r % 10 + 1));
            int tokens = 0;
            foreach (var token in text.AsSpan().Tokenize(',')) tokens += token.Length > 0 ? 1 : 0;
            Check(tokens == r % 10 + 1, "SpanTokenizer");
            Check(ReadOnlySpanExtensions.Count(text.AsSpan(), ',') == r % 10, "ReadOnlySpanExtensions.Count");
            ops += span.Length + tokens + 1;
        }
        return ops;
    }

    /// <summary>Ref&lt;T&gt; and Span2D over native memory (the ref field points outside the managed heap).</summary>
    static long NativeRefs(int rounds)
    {
        long ops = 0;
        for (int r = 0; r < rounds; r++)
        {
            int n = r % 30 + 2;
            int* block = (int*)NativeMemory.AllocZeroed((nuint)(n * sizeof(int)));
            var last = new Ref<int>(ref block[n - 1]);
            last.Value = r;
            var grid = new Span2D<int>(block, 2, n / 2, 0);
            grid[1, n / 2 - 1] += 1;
            using (var owner = MemoryOwner<int>.Allocate(n))
            {
                new Span<int>(block, n).CopyTo(owner.Span);
                Check(owner.Span[n - 1] == r + (n % 2 == 0 ? 1 : 0), "Ref<int> into native memory");
            }
            NativeMemory.Free(block);
            ops += 3;
        }
        return ops;
    }
}
