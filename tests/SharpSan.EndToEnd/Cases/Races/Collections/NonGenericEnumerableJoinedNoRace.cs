// The twin of NonGenericEnumerableRace: the list is read through the non-generic IEnumerable only after the worker
// that added to it was joined, and concurrently by two readers that never write: no race.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;

static class Program
{
    static int CountUntyped(IEnumerable items)
    {
        int n = 0;
        foreach (object o in items) n++;
        return n;
    }

    static void Main()
    {
        var list = new List<int> { 1 };
        var map = new Dictionary<string, int> { ["a"] = 1 };
        var worker = new Thread(() =>
        {
            list.Add(42);
            map["b"] = 2;
        });
        worker.Start();
        worker.Join();
        int fromReader = 0;
        var reader = new Thread(() => fromReader = CountUntyped(list) + CountUntyped(map));
        reader.Start();
        int count = CountUntyped(list) + CountUntyped(map);
        reader.Join();
        Console.WriteLine($"done {count} {fromReader}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 4 4
// CHECK-NOT: ThreadSanitizer
