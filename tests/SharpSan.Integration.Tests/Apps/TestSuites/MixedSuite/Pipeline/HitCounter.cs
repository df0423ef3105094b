namespace Pipeline;

/// <summary>A counter with a locked and an unlocked path; the unlocked one races when threads share the counter.</summary>
public sealed class HitCounter
{
    readonly object _gate = new();
    int _hits;

    public void AddLocked()
    {
        lock (_gate) _hits++;
    }

    public void AddUnlocked() => _hits++;

    public int ReadLocked()
    {
        lock (_gate) return _hits;
    }

    public int ReadUnlocked() => _hits; // BUG-RACE: nothing orders this read after another thread's AddUnlocked
}
