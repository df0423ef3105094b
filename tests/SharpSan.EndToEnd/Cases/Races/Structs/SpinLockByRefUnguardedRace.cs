// The positive twin of SpinLockByRefNoRace: the lock is still passed through `ref` (never reported itself), but one
// thread increments the counter outside it — the race on the counter is reported, nothing on the lock.
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

static class Program
{
    static SpinLock s_lock = new SpinLock(enableThreadOwnerTracking: false);
    static int s_count;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            if (s_lock.Take())
            {
                s_count++;
                s_lock.Release();
            }
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        s_count++;
        s_lock.Take();
        s_lock.Release();
        worker.Join();
        Console.WriteLine("count " + s_count);
    }
}
// SANITIZE: thread
// CHECK-NOT: s_lock
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}SpinLockByRefUnguardedRace.cs:[[@LINE-11]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}SpinLockByRefUnguardedRace.cs:[[@LINE-20]]
// CHECK: Location is static field Demo.Program.s_count.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: count 2
