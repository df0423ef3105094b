// A fresh object filled along branches, a loop and a try/finally, kept in a local, with a fresh array stored into it
// and then written through the field: everything happens before the one store that publishes it.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Node
{
    public int Kind;
    public string Label;
    public int[] Slots;
    public Node Next;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Node s_head;

    static Node Build(int kind, int n)
    {
        var node = new Node();
        if (kind > 0)
            node.Kind = kind;
        else
            node.Label = "none";
        node.Slots = new int[n];
        for (int i = 0; i < n; i++)
            node.Slots[i] = i * kind;
        try
        {
            node.Label = node.Label ?? "k" + node.Kind;
        }
        finally
        {
            node.Next = new Node { Kind = -1 };
        }
        return node;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_head = Build(3, 4);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var h = s_head;
        Console.WriteLine($"{h.Kind} {h.Label} {h.Slots[3]} {h.Next.Kind}");
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 3 k3 9 -1
// CHECK-NOT: ThreadSanitizer
