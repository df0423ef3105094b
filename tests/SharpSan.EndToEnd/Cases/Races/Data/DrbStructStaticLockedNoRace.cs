// A static of a struct (and the struct's instance, held in a class field) updated by three threads under one lock.
// The static gets a shadow without changing the struct's layout: Unsafe.SizeOf stays 8.
using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Demo;

struct Pair
{
    public static long s_updates;
    public int A;
    public int B;
}

class Holder { public Pair Value; }

static class Program
{
    static readonly object s_gate = new();

    static void Main()
    {
        var holder = new Holder();
        var threads = new Thread[3];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < 500; i++)
                    lock (s_gate)
                    {
                        Pair.s_updates++;
                        holder.Value.A++;
                        holder.Value.B += 2;
                    }
            });
            threads[t].Start();
        }
        foreach (var thread in threads) thread.Join();
        Console.WriteLine($"{Pair.s_updates} {holder.Value.A} {holder.Value.B} size {Unsafe.SizeOf<Pair>()}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 1500 1500 3000 size 8
// CHECK-NOT: ThreadSanitizer
