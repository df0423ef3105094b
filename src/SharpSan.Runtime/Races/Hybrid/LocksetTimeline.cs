namespace SharpSan.Runtime.Races.Hybrid;

/// <summary>
/// One thread's locksets over time. In hybrid mode a thread starts a new epoch whenever its lockset changes, so the
/// lockset of any of its accesses follows from the access's clock: the entry with the greatest clock not above it.
/// Shadow cells keep epochs only, and the race check finds the earlier access's locks here. The owner appends; other
/// threads look up (under the timeline's lock). Past <see cref="Capacity"/> entries the older half is forgotten: an
/// access from then is treated as protected, so a forgotten lockset can hide a race but never invent one.
/// </summary>
internal sealed class LocksetTimeline
{
    const int Capacity = 1 << 20;

    int[] _clocks = new int[16];
    int[] _all = new int[16];
    int[] _writes = new int[16];
    int _count;
    int _forgottenBefore;

    /// <summary>From <paramref name="clock"/> on, the thread holds <paramref name="all"/> (write-held locks: <paramref name="writes"/>).</summary>
    public void Append(int clock, int all, int writes)
    {
        lock (this)
        {
            if (_count == _clocks.Length)
            {
                if (_count >= Capacity) Forget(_count / 2);
                else
                {
                    Array.Resize(ref _clocks, _count * 2);
                    Array.Resize(ref _all, _count * 2);
                    Array.Resize(ref _writes, _count * 2);
                }
            }
            _clocks[_count] = clock;
            _all[_count] = all;
            _writes[_count] = writes;
            _count++;
        }
    }

    void Forget(int entries)
    {
        _forgottenBefore = _clocks[entries];
        Array.Copy(_clocks, entries, _clocks, 0, _count - entries);
        Array.Copy(_all, entries, _all, 0, _count - entries);
        Array.Copy(_writes, entries, _writes, 0, _count - entries);
        _count -= entries;
    }

    /// <summary>The locksets (all held, write-held) at <paramref name="clock"/>; false when that part was forgotten.</summary>
    public bool TryFind(int clock, out int all, out int writes)
    {
        lock (this)
        {
            all = writes = 0;
            if (clock < _forgottenBefore) return false;
            int lo = 0, hi = _count - 1, found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_clocks[mid] <= clock) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            if (found >= 0)
            {
                all = _all[found];
                writes = _writes[found];
            }
            return true;
        }
    }
}
