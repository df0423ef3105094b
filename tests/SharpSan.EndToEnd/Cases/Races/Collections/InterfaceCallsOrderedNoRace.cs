// Dictionary, List, HashSet, SortedDictionary and Queue used from several threads through their interfaces (generic
// and non-generic, read-only and mutable), every use ordered: under one lock, or before Start and after Join.
// No report.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;

static class Program
{
    static readonly object s_gate = new();

    static void Work(IDictionary<int, int> map, IList<int> list, ISet<int> set, IDictionary sorted, int n)
    {
        lock (s_gate)
        {
            map[n] = n;
            list.Add(n);
            list[0] += n;
            set.Add(n);
            sorted[n] = n;
            ((IList)list).Insert(0, n);
        }
    }

    static void Main()
    {
        IDictionary<int, int> map = new Dictionary<int, int>();
        IList<int> list = new List<int> { 0 };
        ISet<int> set = new HashSet<int>();
        IDictionary sorted = new SortedDictionary<int, int>();
        IReadOnlyCollection<int> queue = new Queue<int>(new[] { 1, 2, 3 });

        var threads = new Thread[4];
        for (int i = 0; i < threads.Length; i++)
        {
            int n = i + 1;
            threads[i] = new Thread(() => Work(map, list, set, sorted, n));
            threads[i].Start();
        }
        foreach (var t in threads) t.Join();

        int sum = 0;
        foreach (var pair in (IReadOnlyDictionary<int, int>)map) sum += pair.Value;
        foreach (int item in list) sum += item;
        sum += set.Count + ((ICollection)sorted).Count + queue.Count;
        sum += ((IReadOnlyList<int>)list).Count + (set.IsSubsetOf(map.Keys) ? 100 : 0);
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 160
// CHECK-NOT: ThreadSanitizer
