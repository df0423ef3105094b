// Thread-safe collections used concurrently through the same interfaces that are checked for Dictionary, List and
// HashSet (IDictionary, ICollection, IReadOnlyDictionary, IReadOnlyCollection, IEnumerable): the runtime type is not
// one of the contract's collections, so nothing is checked. No report.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static void Main()
    {
        IDictionary<string, int> map = new ConcurrentDictionary<string, int>();
        IProducerConsumerCollection<int> queue = new ConcurrentQueue<int>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            map.Add("a", 1);
            map["b"] = 2;
            ((ICollection<KeyValuePair<string, int>>)map).Add(new KeyValuePair<string, int>("c", 3));
            queue.TryAdd(7);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        map.TryGetValue("a", out int a);
        int count = map.Count + ((IReadOnlyDictionary<string, int>)map).Count;
        map.Remove("b");
        int sum = 0;
        foreach (var pair in (IEnumerable<KeyValuePair<string, int>>)map) sum += pair.Value;
        foreach (int item in (IEnumerable<int>)queue) sum += item;
        sum += ((IReadOnlyCollection<int>)queue).Count;
        worker.Join();
        Console.WriteLine("done " + a + " " + count + " " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 1 6 12
// CHECK-NOT: ThreadSanitizer
