// A SpinLock handed to a helper by value: the helper locks its own copy on the stack, which excludes nobody, so the
// two updates race.
using System;
using System.Threading;
using SharpSan.Annotations;

class Box { public int value; }

static class Program
{
    static SpinLock s_lock = new(enableThreadOwnerTracking: false);

    static void Update(SpinLock guard, Box box, int value)
    {
        bool taken = false;
        guard.TryEnter(1000, ref taken);
        box.value = value;
        if (taken) guard.Exit();
    }

    static void Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Update(s_lock, box, 1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Update(s_lock, box, 2);
        worker.Join();
        Console.WriteLine("value " + box.value);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Update(System.Threading.SpinLock, Box, int) {{.*}}SpinLockByValueCopyRace.cs:[[@LINE-23]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Update(System.Threading.SpinLock, Box, int) {{.*}}SpinLockByValueCopyRace.cs:[[@LINE-25]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}SpinLockByValueCopyRace.cs:[[@LINE-26]] in Program.Update(System.Threading.SpinLock, Box, int)
// CHECK: value 2
