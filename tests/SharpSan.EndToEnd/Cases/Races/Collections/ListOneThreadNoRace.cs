// One thread adds, sorts, reverses and reads a List; another thread works on its own List: no shared collection.
using System;
using System.Collections.Generic;
using System.Threading;

static class Program
{
    static void Main()
    {
        var other = 0;
        var worker = new Thread(() =>
        {
            var mine = new List<int> { 3, 1, 2 };
            mine.Sort();
            other = mine[0];
        });
        worker.Start();
        var list = new List<int>();
        for (int i = 0; i < 5; i++) list.Add(i);
        list.Reverse();
        list.Insert(0, 9);
        worker.Join();
        Console.WriteLine("list " + list.Count + " " + list[0] + " " + other);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: list 6 9 1
// CHECK-NOT: ThreadSanitizer
