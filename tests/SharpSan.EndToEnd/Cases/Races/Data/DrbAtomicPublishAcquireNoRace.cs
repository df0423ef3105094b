// Message passing with atomics: the worker fills plain fields, then publishes with Volatile.Write; the main thread
// spins on Interlocked.CompareExchange (an atomic read-modify-write) until it sees the flag, then reads the fields
// plainly. The release/acquire pair orders them: no race, and the flag's own atomic accesses never race.
using System;
using System.Threading;

namespace Demo;

class Message { public int id; public string? text; public int published; }

static class Program
{
    static void Main()
    {
        var message = new Message();
        var worker = new Thread(() =>
        {
            message.id = 42;
            message.text = "hello";
            Volatile.Write(ref message.published, 1);
        });
        worker.Start();
        while (Interlocked.CompareExchange(ref message.published, 1, 1) == 0) Thread.Yield();
        Console.WriteLine($"{message.id} {message.text}");
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42 hello
// CHECK-NOT: ThreadSanitizer
