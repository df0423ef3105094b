// Parallel.ForEach over range partitions (Partitioner.Create(from, to, size)), the usual way to give each worker a
// chunk: every partition's body runs after what the caller did before the call (filling the input) and before what it
// does after the call returns (reading the output); chunks write disjoint elements. Both the Partitioner overload and
// the OrderablePartitioner one (with the partition's index) are used.
using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace Demo;

class Job { public int scale; public long checksum; }

static class Program
{
    static void Main()
    {
        var input = new int[1000];
        var output = new int[1000];
        var job = new Job();
        for (int i = 0; i < input.Length; i++) input[i] = i;
        job.scale = 3;
        Parallel.ForEach(Partitioner.Create(0, input.Length, 100), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++) output[i] = input[i] * job.scale;
        });
        var starts = new int[10];
        Parallel.ForEach(Partitioner.Create(0, input.Length, 100), new ParallelOptions { MaxDegreeOfParallelism = 2 }, (range, state, index) =>
        {
            starts[index] = range.Item1;
        });
        long sum = 0;
        foreach (int v in output) sum += v;
        job.checksum = sum;
        Console.WriteLine($"sum {job.checksum} last start {starts[9]}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 1498500 last start 900
// CHECK-NOT: ThreadSanitizer
