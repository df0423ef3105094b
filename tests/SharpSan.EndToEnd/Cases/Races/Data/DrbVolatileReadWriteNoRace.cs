// Volatile.Write / Volatile.Read publish a reference and the object behind it.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Message { public string text; }
class Mailbox { public Message box; }

static class Program
{
    static void Main()
    {
        var mailbox = new Mailbox();
        var worker = new Thread(() =>
        {
            var m = new Message();
            m.text = "hello";
            Volatile.Write(ref mailbox.box, m);
        });
        worker.Start();
        Message seen;
        while ((seen = Volatile.Read(ref mailbox.box)) == null) Thread.Yield();
        Console.WriteLine(seen.text);
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: hello
// CHECK-NOT: ThreadSanitizer
