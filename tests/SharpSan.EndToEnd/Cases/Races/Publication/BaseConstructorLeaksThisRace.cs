// The base constructor registers `this` in a static; the derived constructor writes its own field after the base call.
// The base leaks the object, so the derived write comes after the object became visible and races with the reader.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

abstract class Plugin
{
    [BenignRace("the registry slot itself; what matters here is the object's field")]
    public static Plugin Registered;

    protected Plugin() { Registered = this; }
}

sealed class Meter : Plugin
{
    public int Start;
    public Meter(int start) { Start = start; }
}

static class Program
{
    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            new Meter(11);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var m = (Meter)Plugin.Registered;
        Console.WriteLine("start " + m.Start);
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}BaseConstructorLeaksThisRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Meter..ctor(int) {{.*}}BaseConstructorLeaksThisRace.cs:[[@LINE-26]]
// CHECK: Location is field Demo.Meter.Start of object of type Demo.Meter.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: start 11
// CHECK: done
