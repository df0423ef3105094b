// A worker fills a LinkedList and a SortedList; main reads and changes them after Join: no report.
using System;
using System.Collections.Generic;
using System.Threading;

static class Program
{
    static void Main()
    {
        var linked = new LinkedList<int>();
        var sorted = new SortedList<string, int>();
        var worker = new Thread(() =>
        {
            linked.AddLast(1);
            linked.AddFirst(0);
            sorted.Add("b", 2);
            sorted["a"] = 1;
        });
        worker.Start();
        worker.Join();
        linked.RemoveFirst();
        sorted.RemoveAt(0);
        Console.WriteLine("lists " + linked.First!.Value + " " + sorted.Keys[0]);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: lists 1 b
// CHECK-NOT: ThreadSanitizer
