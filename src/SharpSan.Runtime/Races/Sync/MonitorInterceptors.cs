namespace SharpSan.Runtime.Races.Sync;

/// <summary><c>lock</c> and <c>Monitor</c>: Enter/TryEnter acquire, Exit releases, Wait releases and re-acquires.</summary>
public static class MonitorInterceptors
{
    const string Monitor = "System.Threading.Monitor";

    [Intercepts(Monitor, "Enter", Sanitizer = "thread")]
    public static void Enter(object obj)
    {
        System.Threading.Monitor.Enter(obj);
        Locks.Acquired(obj);
    }

    [Intercepts(Monitor, "Enter", Sanitizer = "thread")]
    public static void Enter(object obj, ref bool lockTaken)
    {
        System.Threading.Monitor.Enter(obj, ref lockTaken);
        if (lockTaken) Locks.Acquired(obj);
    }

    [Intercepts(Monitor, "TryEnter", Sanitizer = "thread")]
    public static bool TryEnter(object obj) => Took(obj, System.Threading.Monitor.TryEnter(obj));

    [Intercepts(Monitor, "TryEnter", Sanitizer = "thread")]
    public static bool TryEnter(object obj, int millisecondsTimeout) => Took(obj, System.Threading.Monitor.TryEnter(obj, millisecondsTimeout));

    [Intercepts(Monitor, "TryEnter", Sanitizer = "thread")]
    public static bool TryEnter(object obj, TimeSpan timeout) => Took(obj, System.Threading.Monitor.TryEnter(obj, timeout));

    [Intercepts(Monitor, "TryEnter", Sanitizer = "thread")]
    public static void TryEnter(object obj, ref bool lockTaken)
    {
        System.Threading.Monitor.TryEnter(obj, ref lockTaken);
        Took(obj, lockTaken);
    }

    [Intercepts(Monitor, "TryEnter", Sanitizer = "thread")]
    public static void TryEnter(object obj, int millisecondsTimeout, ref bool lockTaken)
    {
        System.Threading.Monitor.TryEnter(obj, millisecondsTimeout, ref lockTaken);
        Took(obj, lockTaken);
    }

    [Intercepts(Monitor, "TryEnter", Sanitizer = "thread")]
    public static void TryEnter(object obj, TimeSpan timeout, ref bool lockTaken)
    {
        System.Threading.Monitor.TryEnter(obj, timeout, ref lockTaken);
        Took(obj, lockTaken);
    }

    [Intercepts(Monitor, "Exit", Sanitizer = "thread")]
    public static void Exit(object obj)
    {
        // Only the owner may exit; leave a wrong exit to throw without recording a release.
        if (System.Threading.Monitor.IsEntered(obj)) Locks.Releasing(obj);
        System.Threading.Monitor.Exit(obj);
    }

    [Intercepts(Monitor, "Wait", Sanitizer = "thread")]
    public static bool Wait(object obj) => Waited(obj, () => System.Threading.Monitor.Wait(obj));

    [Intercepts(Monitor, "Wait", Sanitizer = "thread")]
    public static bool Wait(object obj, int millisecondsTimeout) => Waited(obj, () => System.Threading.Monitor.Wait(obj, millisecondsTimeout));

    [Intercepts(Monitor, "Wait", Sanitizer = "thread")]
    public static bool Wait(object obj, TimeSpan timeout) => Waited(obj, () => System.Threading.Monitor.Wait(obj, timeout));

    [Intercepts(Monitor, "Wait", Sanitizer = "thread")]
    public static bool Wait(object obj, int millisecondsTimeout, bool exitContext) => Waited(obj, () => System.Threading.Monitor.Wait(obj, millisecondsTimeout, exitContext));

    [Intercepts(Monitor, "Wait", Sanitizer = "thread")]
    public static bool Wait(object obj, TimeSpan timeout, bool exitContext) => Waited(obj, () => System.Threading.Monitor.Wait(obj, timeout, exitContext));

    static bool Took(object obj, bool taken)
    {
        if (taken) Locks.Acquired(obj);
        return taken;
    }

    /// <summary>Wait gives the lock up while it waits and holds it again when it returns (signalled or timed out).</summary>
    static bool Waited(object obj, Func<bool> wait)
    {
        bool owner = System.Threading.Monitor.IsEntered(obj);
        if (owner) Locks.Releasing(obj);
        bool signalled = wait();
        if (owner) Locks.Acquired(obj);
        if (owner) Locks.WaitReturned(obj);
        return signalled;
    }
}
