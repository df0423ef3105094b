using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Guard;

/// <summary>
/// GWP-ASan's sampling: a per-thread countdown of allocations, re-drawn uniformly in [1, 2·rate) after each sample,
/// so one allocation in <c>rate</c> is sampled on average, without a shared counter or a random draw per allocation.
/// </summary>
internal static class Sampling
{
    /// <param name="countdown">The calling thread's countdown; 0 before its first allocation (which only draws it).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Next(ref int countdown, int rate)
    {
        if (rate <= 1) return rate == 1;
        int left = countdown;
        if (left > 1)
        {
            countdown = left - 1;
            return false;
        }
        countdown = Random.Shared.Next(1, 2 * rate);
        return left == 1;
    }
}
