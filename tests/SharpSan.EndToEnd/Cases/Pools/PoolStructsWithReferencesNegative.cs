// Element types that hold references — a generic entry instantiated with a string key, a struct with an object
// field, a generic struct over a class — are not shadowed: filled to Length, indexed, returned and reused, silent.
using System;
using System.Buffers;

struct Entry<TKey, TValue> { public uint Hash; public int Next; public TKey Key; public TValue Value; }
struct Slot { public object? Value; public int Version; }
struct Box<T> { public T Item; public int Tag; }

static class Program
{
    static int Fill<TKey, TValue>(int requested, TKey key, TValue value)
    {
        var entries = ArrayPool<Entry<TKey, TValue>>.Shared.Rent(requested);
        for (int i = 0; i < entries.Length; i++) { entries[i].Key = key; entries[i].Value = value; entries[i].Next = i; }
        int n = entries[entries.Length - 1].Next;
        ArrayPool<Entry<TKey, TValue>>.Shared.Return(entries, clearArray: true);
        return n;
    }

    static void Main()
    {
        int total = Fill(3, "k", 1) + Fill(3, 2, "v") + Fill<string, object>(3, "k", new object());
        Slot[] slots = ArrayPool<Slot>.Shared.Rent(3);
        for (int i = 0; i < slots.Length; i++) slots[i].Value = i;
        Box<Version>[] boxes = ArrayPool<Box<Version>>.Shared.Rent(3);
        for (int i = 0; i < boxes.Length; i++) boxes[i].Item = new Version(1, i);
        total += slots.Length + boxes[boxes.Length - 1].Item.Minor;
        ArrayPool<Slot>.Shared.Return(slots);
        ArrayPool<Box<Version>>.Shared.Return(boxes);
        Console.WriteLine($"total={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=76
// CHECK-NOT: ERROR:
