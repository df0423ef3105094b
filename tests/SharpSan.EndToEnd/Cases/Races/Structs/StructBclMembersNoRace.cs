// Framework structs held in fields: two threads write different items of a ValueTuple, and both call read-only
// members of a Nullable<T>, a KeyValuePair and a DateTime field. Distinct members and reads: no report.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Record
{
    public (int Left, long Right) pair;
    public int? limit = 7;
    public KeyValuePair<string, int> entry = new("a", 1);
    public DateTime stamp = new DateTime(2024, 1, 2);
}

static class Program
{
    static int Read(Record r) => r.limit.GetValueOrDefault() + (r.limit.HasValue ? 1 : 0) + r.entry.Value + r.entry.Key.Length + r.stamp.Day;

    static void Main()
    {
        var record = new Record();
        var barrier = new RaceTestBarrier(2);
        int a = 0;
        var worker = new Thread(() =>
        {
            record.pair.Left = 1;
            a = Read(record);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        record.pair.Right = 2;
        int b = Read(record);
        worker.Join();
        Console.WriteLine($"read {a} {b} pair {record.pair.Left},{record.pair.Right}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: read 12 12 pair 1,2
// CHECK-NOT: ThreadSanitizer
