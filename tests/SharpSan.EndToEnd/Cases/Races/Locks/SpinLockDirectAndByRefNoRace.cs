// One SpinLock entered two ways: directly on the field, and through a helper that takes it by ref (where the
// rewriter cannot see which SpinLock it is). Both paths are the same lock, in either order: no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Account
{
    public SpinLock Lock = new(enableThreadOwnerTracking: false);
    public int Balance;

    public void DepositDirect(int amount)
    {
        bool taken = false;
        Lock.Enter(ref taken);
        Balance += amount;
        if (taken) Lock.Exit();
    }
}

static class Locking
{
    public static void Deposit(ref SpinLock spin, Account account, int amount)
    {
        bool taken = false;
        spin.Enter(ref taken);
        account.Balance += amount;
        if (taken) spin.Exit();
    }
}

static class Program
{
    static void Main()
    {
        var first = new Account();
        var second = new Account();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Locking.Deposit(ref first.Lock, first, 1);   // by ref first, then direct on main
            barrier.Wait();
            barrier.Wait();
            Locking.Deposit(ref second.Lock, second, 1);   // direct first (main), then by ref
        });
        worker.Start();
        barrier.Wait();
        first.DepositDirect(2);
        second.DepositDirect(2);
        barrier.Wait();
        worker.Join();
        Console.WriteLine("balances " + first.Balance + " " + second.Balance);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: balances 3 3
// CHECK-NOT: ThreadSanitizer
