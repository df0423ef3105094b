using System.Runtime.InteropServices;
using System.Text;
using CommunityToolkit.HighPerformance;
using CommunityToolkit.HighPerformance.Buffers;
using CommunityToolkit.HighPerformance.Helpers;

namespace RealPackages;

/// <summary>
/// CommunityToolkit.HighPerformance on one thread: 2D spans over managed and native memory (with a pitch), pooled
/// owners and buffer writers, the string pool, and the C# 11 ref-field types (Ref, ReadOnlyRef, NullableRef, the
/// SpinLock scope).
/// </summary>
static unsafe class ToolkitAddressWorkload
{
    static SpinLock s_spinLock = new(enableThreadOwnerTracking: false);
    static int s_guarded;

    public static string Run()
    {
        long digest = 0;
        digest += Grids();
        digest += NativeGrid(rows: 19, columns: 23, pitch: 5);
        digest += PooledOwners();
        digest += BufferWriter();
        digest += Strings();
        digest += RefFields();
        return $"digest {digest}";
    }

    static long Grids()
    {
        const int Rows = 24, Columns = 37;
        var cells = new int[Rows * Columns];
        var grid = new Span2D<int>(cells, Rows, Columns);
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
                grid[r, c] = r * 100 + c;

        var window = grid.Slice(3, 5, 10, 20);
        Data.Check(window[0, 0] == 305 && window[9, 19] == 1224, "slice corners");
        long sum = 0;
        foreach (int v in grid.GetRow(2)) sum += v;
        foreach (int v in grid.GetColumn(6)) sum += v;
        Data.Check(sum == (200L * Columns + 666) + (6L * Rows + 100L * (Rows - 1) * Rows / 2), $"row+column sum {sum}");

        var copy = new int[window.Length];
        window.CopyTo(copy);
        window.Fill(-1);
        Data.Check(grid[3, 5] == -1 && grid[12, 24] == -1 && grid[13, 24] == 1324 && grid[12, 25] == 1225, "fill stays in the window");
        Data.Check(copy[0] == 305 && copy[^1] == 1224, "copy of the window");

        var memory = new Memory2D<int>(cells, Rows, Columns).Slice(1, 1, Rows - 2, Columns - 2);
        Data.Check(!memory.Span.TryGetSpan(out _), "a strided window is not contiguous");
        Data.Check(new Memory2D<int>(cells, Rows, Columns).Span.TryGetSpan(out var whole) && whole.Length == cells.Length, "the whole grid is contiguous");
        using (var pin = memory.Pin())
        {
            int* first = (int*)pin.Pointer;
            Data.Check(*first == 101, "pinned window starts at [1,1]");
        }
        var transposed = new int[Columns, Rows];
        for (int r = 0; r < Rows; r++)
        {
            var row = grid.GetRowSpan(r);
            for (int c = 0; c < Columns; c++) transposed[c, r] = row[c];
        }
        var t2d = new Span2D<int>(transposed);
        Data.Check(t2d[6, 2] == 206 && t2d.Height == Columns && t2d.Width == Rows, "transpose through Span2D over int[,]");
        return sum + copy.Sum() + t2d.ToArray().Cast<int>().Sum();
    }

    /// <summary>A Span2D over native memory with a pitch: rows of <paramref name="columns"/> ints, <paramref name="pitch"/> ints of gap after each.</summary>
    static long NativeGrid(int rows, int columns, int pitch)
    {
        int* block = (int*)NativeMemory.Alloc((nuint)(rows * (columns + pitch) - pitch), sizeof(int));
        try
        {
            var grid = new Span2D<int>(block, rows, columns, pitch);
            grid.Fill(7);
            for (int r = 0; r < rows; r++)
                grid.GetRowSpan(r)[r % columns] = r;
            long sum = 0;
            foreach (ref int cell in grid.GetColumn(columns - 1)) { cell += 1; sum += cell; }
            var managed = new int[rows, columns];
            grid.CopyTo(new Span2D<int>(managed));
            Data.Check(managed[4, 4] == 4 && managed[4, 5] == 7 && managed[rows - 1, columns - 1] == 8, "native grid copy");
            var inner = grid.Slice(1, 1, rows - 2, columns - 2);
            Data.Check(inner.TryCopyTo(new Span2D<int>(new int[rows - 2, columns - 2])), "inner copy fits");
            return sum + managed.Cast<int>().Sum();
        }
        finally
        {
            NativeMemory.Free(block);
        }
    }

    static long PooledOwners()
    {
        long total = 0;
        for (int size = 17; size < 5000; size = size * 3 + 1)
        {
            using var owner = MemoryOwner<byte>.Allocate(size, AllocationMode.Clear);
            Data.Check(owner.Span.IndexOfAnyExcept((byte)0) < 0, "cleared owner");
            var text = Data.Text(size, size);
            text.CopyTo(owner.Span);
            total += (long)Data.Hash(owner.Span) % 1000;
            using (var stream = owner.Memory.AsStream())
            {
                var back = new byte[size];
                stream.ReadExactly(back);
                Data.CheckEqual(text, back, "owner as stream");
            }
            // Slice hands the rented array over to the new owner (the old one is disposed by it).
            using var half = owner.Slice(size / 4, size / 2);
            Data.CheckEqual(text.AsSpan(size / 4, size / 2), half.Span, $"owner slice of {size}");

            using var numbers = SpanOwner<long>.Allocate(size / 8 + 1);
            for (int i = 0; i < numbers.Length; i++) numbers.Span[i] = (long)i * i;
            total += numbers.Span[^1] % 997;
            Data.Check(numbers.DangerousGetArray().Count == numbers.Length, "span owner segment");
        }
        return total;
    }

    static long BufferWriter()
    {
        using var writer = new ArrayPoolBufferWriter<byte>(initialCapacity: 64);
        var expected = new List<byte>();
        for (int chunk = 0; chunk < 60; chunk++)
        {
            int length = 1 + chunk * 37 % 250;
            var span = writer.GetSpan(length);
            for (int i = 0; i < length; i++) span[i] = (byte)(chunk + i);
            writer.Advance(length);
            for (int i = 0; i < length; i++) expected.Add((byte)(chunk + i));
        }
        using (var stream = ((System.Buffers.IBufferWriter<byte>)writer).AsStream())
            stream.Write(Encoding.UTF8.GetBytes("tail of the buffer"));
        expected.AddRange(Encoding.UTF8.GetBytes("tail of the buffer"));
        Data.CheckEqual(expected.ToArray(), writer.WrittenSpan, "buffer writer contents");
        return (long)(Data.Hash(writer.WrittenSpan) % 100_000);
    }

    static long Strings()
    {
        var pool = new StringPool(minimumSize: 32);
        var source = Encoding.UTF8.GetString(Data.Text(4000, 3));
        long count = 0;
        string? firstCache = null;
        foreach (var token in source.AsSpan().Tokenize(' '))
        {
            if (token.IsEmpty) continue;
            string pooled = pool.GetOrAdd(token);
            Data.Check(pooled.AsSpan().SequenceEqual(token), "pooled string");
            if (token.SequenceEqual("cache")) firstCache ??= pooled;
            count++;
        }
        string again = pool.GetOrAdd(Encoding.UTF8.GetBytes("cache"), Encoding.UTF8);
        Data.Check(firstCache is null || ReferenceEquals(again, firstCache) || again == firstCache, "pooled from bytes");
        int commas = ReadOnlySpanExtensions.Count(source.AsSpan(), ',');
        int hash = source.AsSpan().GetDjb2HashCode();
        int combined = HashCode<char>.Combine(source.AsSpan(0, 100));
        Data.Check(combined == HashCode<char>.Combine(source.ToCharArray(0, 100)), "hash of equal spans");
        return count + commas + (hash & 0xffff) + (BitHelper.HasFlag(0b1010u, 3) ? 1 : 0);
    }

    static long RefFields()
    {
        int value = 40;
        var reference = new Ref<int>(ref value);
        reference.Value += 2;
        ReadOnlyRef<int> readOnly = reference;
        NullableRef<int> nullable = reference;
        Data.Check(value == 42 && readOnly.Value == 42 && nullable.HasValue && nullable.Value == 42 && !NullableRef<int>.Null.HasValue, "ref fields");

        var numbers = new[] { 1, 2, 3, 4, 5 };
        ref int third = ref numbers.DangerousGetReferenceAt(2);
        var toThird = new Ref<int>(ref third);
        toThird.Value *= 10;
        Data.Check(numbers[2] == 30, "ref into an array");

        object boxed = 5;
        Box<int> box = Box<int>.GetFrom(boxed);
        box.GetReference() += 1;
        Data.Check((int)boxed == 6, "box");

        var local = new SpinLock(enableThreadOwnerTracking: false);
        int guardedLocal = 0;
        for (int i = 0; i < 100; i++)
        {
            using (local.Enter()) guardedLocal++;
            using (s_spinLock.Enter()) s_guarded += 2;
        }
        Data.Check(guardedLocal == 100 && s_guarded == 200, "spin lock scopes");
        return value + numbers.Sum() + (int)boxed + guardedLocal + s_guarded;
    }
}
