namespace SharpSan.Runtime.Common.Threads;

/// <summary>
/// A non-reentrant spin lock for short critical sections on a hot path: one compare-exchange to enter and one store
/// to leave (a Monitor costs a thread-id lookup and two calls into the runtime, most of a hot <c>fixed</c> block's
/// bookkeeping). Keep it in a mutable field and always leave it in a <c>finally</c>.
/// </summary>
internal struct ShortLock
{
    int _busy;

    public void Enter()
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0) Contended();
    }

    public void Exit() => Volatile.Write(ref _busy, 0);

    void Contended()
    {
        var spinner = new SpinWait();
        do spinner.SpinOnce(sleep1Threshold: -1);
        while (Interlocked.CompareExchange(ref _busy, 1, 0) != 0);
    }
}
