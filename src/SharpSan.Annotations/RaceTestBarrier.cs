using System.Threading;

namespace SharpSan.Annotations;

/// <summary>
/// A barrier ThreadSanitizer does not see (TSan's testonly barrier): race tests use it to make two threads really run
/// side by side without creating a happens-before edge between them, so a race is found whatever the timing.
/// It spins on plain atomics inside this (never instrumented) assembly. Not for production synchronisation.
/// </summary>
public sealed class RaceTestBarrier
{
    readonly int _participants;
    int _arrived;
    int _generation;

    public RaceTestBarrier(int participants) => _participants = participants;

    public void Wait()
    {
        int generation = Volatile.Read(ref _generation);
        if (Interlocked.Increment(ref _arrived) == _participants)
        {
            Volatile.Write(ref _arrived, 0);
            Interlocked.Increment(ref _generation);
            return;
        }
        var spin = new SpinWait();
        while (Volatile.Read(ref _generation) == generation) spin.SpinOnce();
    }
}
