// The worker updates under a lock; main's fast path forgets it.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Account { public long balance; }

static class Program
{
    static void Deposit(Account account, long amount, bool locked)
    {
        if (locked)
        {
            lock (account) account.balance += amount;
        }
        else
        {
            account.balance += amount;
        }
    }

    static void Main()
    {
        var account = new Account();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Deposit(account, 10, locked: true);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Deposit(account, 5, locked: false);
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbMissingLockOnePathRace.cs:[[@LINE-23]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbMissingLockOnePathRace.cs:[[@LINE-29]]
// CHECK: Location is field Demo.Account.balance of object of type Demo.Account.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbMissingLockOnePathRace.cs:[[@LINE-27]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
