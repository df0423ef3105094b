// The twin of ParallelPartitionerNoRace: two range partitions both store into one field. The loop orders each
// partition against the code around it, never the partitions against each other, so the stores race. The test
// barrier makes the two partitions run side by side on two workers.
using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Shared { public int last; }

static class Program
{
    static void Main()
    {
        var shared = new Shared();
        var barrier = new RaceTestBarrier(2);
        Parallel.ForEach(Partitioner.Create(0, 2, 1), new ParallelOptions { MaxDegreeOfParallelism = 2 }, range =>
        {
            if (range.Item1 == 0)
            {
                shared.last = 1;
                barrier.Wait();
            }
            else
            {
                barrier.Wait();
                shared.last = 2;
            }
        });
        Console.WriteLine("done " + shared.last);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}ParallelPartitionerSharedRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}ParallelPartitionerSharedRace.cs:[[@LINE-17]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}ParallelPartitionerSharedRace.cs:[[@LINE-12]]
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 2
