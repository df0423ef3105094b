// A static readonly table filled by the type constructor and read by several threads (first use from a worker):
// the runtime runs a type constructor once and makes every other thread wait for it, so what it wrote happens before
// their reads. (Checks of the Dictionary's contents would otherwise see the constructor's Adds as racing.)
using System;
using System.Collections.Generic;
using System.Threading;

namespace Demo;

static class Catalog
{
    static readonly Dictionary<string, int> s_prices = Build();
    public static int s_lookups;   // plain static, written only in the constructor here

    static Dictionary<string, int> Build()
    {
        var prices = new Dictionary<string, int>();
        for (int i = 0; i < 50; i++) prices.Add("item" + i, i * 10);
        s_lookups = 1;
        return prices;
    }

    public static int Price(string name) => s_prices.TryGetValue(name, out int price) ? price + s_lookups - 1 : -1;
}

static class Program
{
    static void Main()
    {
        var totals = new int[3];
        var threads = new Thread[3];
        for (int t = 0; t < threads.Length; t++)
        {
            int slot = t;
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < 50; i++) totals[slot] += Catalog.Price("item" + i);
            });
            threads[t].Start();
        }
        foreach (var thread in threads) thread.Join();
        Console.WriteLine($"totals {totals[0]} {totals[1]} {totals[2]}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: totals 12250 12250 12250
// CHECK-NOT: ThreadSanitizer
