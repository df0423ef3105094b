// The SpinLock scope of SpinLockScopeNoReport under ThreadSanitizer's passes: the ref field is stored, loaded and
// used for Enter/Exit without any invalid IL, and nothing is reported (one thread).
using System;
using System.Threading;

ref struct LockScope
{
    readonly ref SpinLock _lock;
    readonly bool _taken;

    public LockScope(ref SpinLock spinLock)
    {
        _lock = ref spinLock;
        bool taken = false;
        _lock.Enter(ref taken);
        _taken = taken;
    }

    public void Dispose()
    {
        if (_taken) _lock.Exit();
    }
}

static class Program
{
    static SpinLock s_lock = new(enableThreadOwnerTracking: false);
    static int s_count;

    static void Main()
    {
        for (int i = 0; i < 1000; i++)
        {
            using var scope = new LockScope(ref s_lock);
            s_count++;
        }
        Console.WriteLine($"count {s_count}, held {s_lock.IsHeld}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK-NOT: InvalidProgramException
// CHECK: count 1000, held False
// CHECK-NOT: ThreadSanitizer
