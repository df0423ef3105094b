// Double-checked locking without volatile: the first check reads the field outside the lock.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Config { public int port = 80; }

class Holder
{
    Config _config;
    readonly object _gate = new object();

    public Config Get()
    {
        if (_config == null)
        {
            lock (_gate)
            {
                if (_config == null)
                    _config = new Config();
            }
        }
        return _config;
    }
}

static class Program
{
    static void Main()
    {
        var holder = new Holder();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            holder.Get();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        holder.Get();
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbDoubleCheckedLockingRace.cs:[[@LINE-33]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbDoubleCheckedLockingRace.cs:[[@LINE-30]]
// CHECK: Location is field Demo.Holder._config of object of type Demo.Holder.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbDoubleCheckedLockingRace.cs:[[@LINE-37]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
