// readonly fields set in the constructor before the thread starts.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Options
{
    public readonly int Port;
    public readonly string Host;
    public Options(int port, string host) { Port = port; Host = host; }
}

static class Program
{
    static void Main()
    {
        var options = new Options(8080, "local");
        string seen = null;
        var worker = new Thread(() => seen = options.Host + ":" + options.Port);
        worker.Start();
        worker.Join();
        Console.WriteLine(seen);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: local:8080
// CHECK-NOT: ThreadSanitizer
