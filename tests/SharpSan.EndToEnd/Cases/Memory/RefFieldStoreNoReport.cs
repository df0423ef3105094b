// A ref struct with a ref field (the shape of CommunityToolkit.HighPerformance's Span2D<T>): the constructor's store of
// the ref field once became `sizeof T&`, invalid IL, and the program died with InvalidProgramException. A ref field
// holds a managed pointer, always defined.
using System;

ref struct Cursor
{
    public ref int Target;
    public int Count;

    public Cursor(int[] items)
    {
        Target = ref items[0];
        Count = items.Length;
    }
}

static class Program
{
    static void Main()
    {
        var items = new int[4];
        var cursor = new Cursor(items);
        cursor.Target = 5;
        if (cursor.Count > 0 && items[0] == 5) Console.WriteLine("stored through the ref field");
    }
}
// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: stored through the ref field
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
