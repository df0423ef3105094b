// Each account guards its balance with its own SpinLock, but both also bump a shared total under their own lock:
// two different SpinLocks exclude nothing between them, so the updates of the total race.
using System;
using System.Threading;
using SharpSan.Annotations;

class Account
{
    public static int total;
    SpinLock _lock = new(enableThreadOwnerTracking: false);
    int _balance;

    public void Deposit(int amount)
    {
        bool taken = false;
        try
        {
            _lock.Enter(ref taken);
            _balance += amount;
            total += amount;
        }
        finally
        {
            if (taken) _lock.Exit();
        }
    }
}

static class Program
{
    static void Main()
    {
        var a = new Account();
        var b = new Account();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            a.Deposit(1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        b.Deposit(2);
        worker.Join();
        Console.WriteLine("total " + Account.total);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: {{Read|Write}} of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Account.Deposit(int) {{.*}}SpinLockPerInstanceRace.cs:[[@LINE-31]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Account.Deposit(int) {{.*}}SpinLockPerInstanceRace.cs:[[@LINE-33]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}SpinLockPerInstanceRace.cs:[[@LINE-34]] in Account.Deposit(int)
// CHECK-NOT: ThreadSanitizer: data race
// CHECK: total 3
