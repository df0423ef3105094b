// A fresh object initialised along a switch, inside a try block and in its catch handler, then published: every
// write comes before the publication, whichever path ran.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Parsed
{
    public int Kind;
    public string Text;
    public int Value;
    public string Error;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Parsed s_parsed;

    static Parsed Parse(string input, int mode)
    {
        var p = new Parsed();
        switch (mode)
        {
            case 0: p.Kind = 10; break;
            case 1: p.Kind = 11; p.Text = "one"; break;
            default: p.Kind = 12; break;
        }
        try
        {
            p.Value = int.Parse(input);
        }
        catch (FormatException e)
        {
            p.Error = e.GetType().Name;
            p.Value = -1;
        }
        p.Text ??= input;
        return p;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_parsed = Parse("x1", 1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var p = s_parsed;
        Console.WriteLine($"{p.Kind} {p.Text} {p.Value} {p.Error}");
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 11 one -1 FormatException
// CHECK-NOT: ThreadSanitizer
