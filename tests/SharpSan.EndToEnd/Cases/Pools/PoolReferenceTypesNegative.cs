// Pools of reference types and of structs holding references: rent, fill, clear on return, reuse.
using System;
using System.Buffers;

record Item(string Name);
struct Slot { public object? Value; public int Version; }

static class Program
{
    static void Main()
    {
        int count = 0;
        for (int round = 0; round < 200; round++)
        {
            Item?[] items = ArrayPool<Item?>.Shared.Rent(10);
            for (int i = 0; i < 10; i++) items[i] = new Item("x" + i);
            count += items[9]!.Name.Length;
            ArrayPool<Item?>.Shared.Return(items, clearArray: true);

            Slot[] slots = ArrayPool<Slot>.Shared.Rent(20);
            slots[19].Value = "v";
            slots[19].Version++;
            count += slots[19].Version > 0 ? 1 : 0;
            ArrayPool<Slot>.Shared.Return(slots, clearArray: true);
        }
        Console.WriteLine($"count={count}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: count=600
// CHECK-NOT: ERROR:
