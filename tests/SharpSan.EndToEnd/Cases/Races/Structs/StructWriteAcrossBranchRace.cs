// A struct method whose write happens through a call whose argument is a conditional (`Bump(big ? 10 : 1)`): the
// address of `this` crosses branches before its consumer. The callee is followed over its whole flow graph, so the
// call is still a write of `_total`, and two unsynchronised callers race.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Meter
{
    long _total;
    int _calls;
    void Bump(long n) => _total += n;
    public void Add(bool big) => Bump(big ? 10 : 1);
    public long Total => _total + _calls;
}

sealed class Station
{
    public Meter meter;
}

static class Program
{
    static void Main()
    {
        var station = new Station();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            station.meter.Add(true);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        station.meter.Add(false);
        worker.Join();
        Console.WriteLine("total " + station.meter.Total);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}StructWriteAcrossBranchRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}StructWriteAcrossBranchRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Station.meter._total of object of type Demo.Station.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: total 11
