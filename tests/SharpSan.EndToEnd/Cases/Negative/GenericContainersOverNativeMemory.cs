// A generic native list and generic struct fields (including fields typed by the type parameter of a generic
// class) accessed through pointers and refs within bounds: no report.
using System;
using System.Runtime.InteropServices;

unsafe struct NativeList<T> where T : unmanaged
{
    public T* Items;
    public int Count;
    public int Capacity;

    public void Add(T item)
    {
        if (Count == Capacity)
        {
            Capacity = Capacity == 0 ? 4 : Capacity * 2;
            Items = (T*)NativeMemory.Realloc(Items, (nuint)(Capacity * sizeof(T)));
        }
        Items[Count++] = item;
    }
}

sealed class Box<T>
{
    public T Value = default!;
}

static unsafe class Program
{
    static void Main()
    {
        var list = (NativeList<double>*)NativeMemory.AllocZeroed((nuint)sizeof(NativeList<double>));
        for (int i = 0; i < 100; i++) list->Add(i * 0.5);
        double sum = 0;
        for (int i = 0; i < list->Count; i++) sum += list->Items[i];
        var box = new Box<NativeList<double>> { Value = *list };
        ref var inner = ref box.Value;
        sum += inner.Items[inner.Count - 1];
        NativeMemory.Free(list->Items);
        NativeMemory.Free(list);
        Console.WriteLine($"sum {sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum 2524.5
// CHECK-NOT: ERROR:
