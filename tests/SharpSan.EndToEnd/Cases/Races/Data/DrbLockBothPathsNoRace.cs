// The missing-lock shape, fixed: both paths lock.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Account { public long balance; }

static class Program
{
    static void Deposit(Account account, long amount)
    {
        lock (account) account.balance += amount;
    }

    static void Main()
    {
        var account = new Account();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Deposit(account, 10);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Deposit(account, 5);
        worker.Join();
        Console.WriteLine(account.balance);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 15
// CHECK-NOT: ThreadSanitizer
