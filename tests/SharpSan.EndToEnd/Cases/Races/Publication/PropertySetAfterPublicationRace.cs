// Auto-properties set in an object initializer are initializing; the same setter called after the object was
// published still checks (only the calls on the unpublished object skip the setter's check).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Endpoint
{
    public string Host { get; set; }
    public int Port { get; set; }
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Endpoint s_endpoint;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            var e = new Endpoint { Host = "db", Port = 1 };
            s_endpoint = e;
            e.Port = 5432;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var seen = s_endpoint;
        Console.WriteLine($"host {seen.Host}");
        Console.WriteLine($"port {seen.Port}");
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: host db
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Endpoint.get_Port() {{.*}}PropertySetAfterPublicationRace.cs:[[@LINE-32]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}PropertySetAfterPublicationRace.cs:[[@LINE-11]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Endpoint.set_Port(int) {{.*}}PropertySetAfterPublicationRace.cs:[[@LINE-35]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in {{.*}}PropertySetAfterPublicationRace.cs:[[@LINE-21]]
// CHECK: Location is field Demo.Endpoint.<Port>k__BackingField of object of type Demo.Endpoint.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
