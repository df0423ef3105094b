// A ref struct holding a C# 11 `ref` field to a SpinLock (the shape of CommunityToolkit.HighPerformance's
// SpinLockExtensions.Lock): the constructor stores the ref, Dispose loads it and a plain bool field. The memory-access
// pass used to check these field accesses through `this` with `ldflda` on the ref field and `sizeof SpinLock&`:
// InvalidProgramException before Main ran a single lock. A ref field's slot lives in a ref struct, on the stack.
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
// CHECK-NOT: ERROR:
// CHECK-NOT: InvalidProgramException
// CHECK: count 1000, held False
// CHECK-NOT: ERROR:
