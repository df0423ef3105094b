// An auto-property: the racing accesses are in the compiler-generated accessors, on the property's line.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Settings
{
    public int Level { get; set; }
}

static class Program
{
    static void Main()
    {
        var settings = new Settings();
        var barrier = new RaceTestBarrier(2);
        var thread = new Thread(() =>
        {
            settings.Level = 3;
            barrier.Wait();
        });
        thread.Start();
        barrier.Wait();
        settings.Level = 4;
        thread.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbAutoPropertyRace.cs:[[@LINE-24]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbAutoPropertyRace.cs:[[@LINE-26]]
// CHECK: Location is field Demo.Settings.<Level>k__BackingField of object of type Demo.Settings.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbAutoPropertyRace.cs:[[@LINE-28]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
