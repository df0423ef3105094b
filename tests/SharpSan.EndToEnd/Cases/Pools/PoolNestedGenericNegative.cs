// Nested generic element types — a struct nested in a generic class, a generic struct of a generic struct — read
// through fields and properties of instantiated types from outside the class, and through spans.
using System;
using System.Buffers;

struct Pair<A, B> { public A First; public B Second; }

sealed class Table<TKey> where TKey : struct
{
    public struct Row<TValue> { public TKey Key; public Pair<TValue, int> Cell; }

    public Row<long>[] Rows = ArrayPool<Row<long>>.Shared.Rent(3);
    public Pair<TKey, Pair<short, TKey>>[] Links { get; } = ArrayPool<Pair<TKey, Pair<short, TKey>>>.Shared.Rent(2);
}

static class Program
{
    static void Main()
    {
        var table = new Table<int>();
        long total = 0;
        for (int i = 0; i < table.Rows.Length; i++)
        {
            table.Rows[i].Key = i;
            table.Rows[i].Cell.First = i;
            total += table.Rows[i].Cell.First;
        }
        var links = table.Links;
        for (int i = 0; i < links.Length; i++) links[i].Second.First = 1;
        foreach (var link in table.Links) total += link.Second.First;
        Span<Table<int>.Row<long>> span = table.Rows.AsSpan();
        total += span[span.Length - 1].Key;
        Console.WriteLine($"rows={table.Rows.Length} links={table.Links.Length} total={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: rows=16 links=16 total=151
// CHECK-NOT: ERROR:
