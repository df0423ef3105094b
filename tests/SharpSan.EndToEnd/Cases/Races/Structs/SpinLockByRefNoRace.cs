// A SpinLock reached through `ref` — an extension method `Enter(ref this SpinLock)` and a helper taking
// `ref SpinLock` — is a lock, never data: passing `ref s_lock` is not a write of the static, and the counter it
// guards is ordered by it.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class SpinLockExtensions
{
    public static bool Take(ref this SpinLock spinLock)
    {
        bool taken = false;
        spinLock.Enter(ref taken);
        return taken;
    }

    public static void Release(ref this SpinLock spinLock) => spinLock.Exit(useMemoryBarrier: true);
}

static class Guarded
{
    public static void Run(ref SpinLock spinLock, Action action)
    {
        if (!spinLock.Take()) return;
        try { action(); }
        finally { spinLock.Release(); }
    }
}

sealed class Account
{
    public SpinLock Lock = new SpinLock(enableThreadOwnerTracking: false);
    public int Balance;
}

static class Program
{
    static SpinLock s_lock = new SpinLock(enableThreadOwnerTracking: false);
    static int s_count;

    static void Work(Account account)
    {
        for (int i = 0; i < 50; i++)
        {
            if (s_lock.Take())
            {
                s_count++;
                s_lock.Release();
            }
            Guarded.Run(ref s_lock, () => s_count++);
            Guarded.Run(ref account.Lock, () => account.Balance++);
        }
    }

    static void Main()
    {
        var account = new Account();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            Work(account);
        });
        worker.Start();
        barrier.Wait();
        Work(account);
        worker.Join();
        Console.WriteLine($"count {s_count} balance {account.Balance}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: count 200 balance 100
// CHECK-NOT: ThreadSanitizer
