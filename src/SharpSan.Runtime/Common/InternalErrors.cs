using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Common;

/// <summary>
/// What an internal error can leave incomplete, so that the reports that depend on it are not trusted any more: a
/// sanitizer that lost track of something must go quiet about it rather than report what did not happen.
/// </summary>
[Flags]
public enum LostTracking
{
    Nothing = 0,
    /// <summary>A happens-before edge or a lock hold/release was not recorded: data race and lock-order reports stop.</summary>
    Synchronisation = 1,
    /// <summary>A heap chunk was left allocated in SharpSan's books although the program freed it, or roots were not captured: leak reports stop.</summary>
    Leaks = 2,
    /// <summary>A pin (or the lifting of stale unpin poison) was not recorded: use-after-unpin reports stop.</summary>
    Pins = 4,
}

/// <summary>
/// SharpSan never throws into the program it checks. Every runtime path that instrumented code enters (after the
/// inline fast check: reporting, interceptors' bookkeeping, the allocator, pools, pins, the fake stack, sync edges,
/// the shadow stack's slow paths) runs inside
/// <code>
/// try { InternalErrors.Inject(Site); … }
/// catch (Exception e) when (InternalErrors.Contain(Site, e)) { /* go on as if unchecked here */ }
/// </code>
/// so that a bug of ours prints one <c>==pid==WARNING: SharpSan: internal error in Site: Type: message</c> line per
/// site and the program carries on. Exceptions that are the product's intended behaviour pass through: a
/// <see cref="SanitizerFindingException"/> failing a test (fail_tests), and a thread interrupt the program asked for.
/// <para>
/// <c>SHARPSAN_TEST_FAULTS</c> (SharpSan's own tests only, not a user option) makes <see cref="Inject"/> throw at
/// the start of matching sites: <c>all</c>, or comma-separated substrings of site names, optionally followed by
/// <c>@N</c> to fail only the first and then every N-th call of each site (so that real and checked paths mix: memory from the real
/// allocator freed through SharpSan and the reverse). It is read once; when unset, <see cref="Inject"/> is a test of
/// a static readonly bool that the JIT folds away.
/// </para>
/// </summary>
public static class InternalErrors
{
    public const string FaultsVariable = "SHARPSAN_TEST_FAULTS";

    static readonly FaultPlan? s_faults = FaultPlan.Parse(Environment.GetEnvironmentVariable(FaultsVariable));
    static readonly bool s_injecting = s_faults is not null;
    // In its own class: made at the first internal error, not when the first allocation reads s_injecting (loading
    // System.Collections.Concurrent is start-up time every process paid).
    static class Warned
    {
        public static readonly ConcurrentDictionary<string, bool> Sites = new(StringComparer.Ordinal);
    }

    static int s_lost, s_count;

    /// <summary>True when faults are injected (SharpSan's own tests): hot paths that skip their contained site's checks take it then.</summary>
    internal static bool Injecting => s_injecting;

    /// <summary>Internal errors contained so far (for SharpSan's own tests).</summary>
    internal static int Count => Volatile.Read(ref s_count);

    /// <summary>Runs bookkeeping that returns nothing at <paramref name="site"/>, containing its failures (see the type's remarks).</summary>
    public static void Run<TState>(string site, LostTracking lost, TState state, Action<TState> work)
    {
        try
        {
            Inject(site);
            work(state);
        }
        catch (Exception e) when (Contain(site, e, lost))
        {
        }
    }

    /// <summary>Throws <see cref="InjectedFaultException"/> when the fault plan selects this call of <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Inject(string site)
    {
        if (s_injecting) InjectAt(site);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void InjectAt(string site)
    {
        if (s_faults!.Selects(site)) throw new InjectedFaultException(site);
    }

    /// <summary>
    /// Exception filter of a contained site: false (let it through) for the product's own exceptions, otherwise
    /// warns (once per site), records what tracking was lost, and returns true (the site's fallback runs).
    /// </summary>
    public static bool Contain(string site, Exception e, LostTracking lost = LostTracking.Nothing)
    {
        if (!IsInternal(e)) return false;
        Record(site, e, lost);
        return true;
    }

    /// <summary>False for the exceptions that are the product's behaviour (a finding failing a test) or the program's (an interrupt).</summary>
    public static bool IsInternal(Exception e) => e is not (SanitizerFindingException or ThreadInterruptedException);

    /// <summary>
    /// For a site whose catch block decides itself what was lost (<c>catch (Exception e) when (InternalErrors.IsInternal(e))</c>):
    /// warns (once per site, and again when more tracking is lost) and records.
    /// </summary>
    public static void Record(string site, Exception e, LostTracking lost = LostTracking.Nothing)
    {
        Interlocked.Increment(ref s_count);
        t_containedOnThisThread = true;
        int before = lost == LostTracking.Nothing ? 0 : Interlocked.Or(ref s_lost, (int)lost);
        var newlyLost = lost & ~(LostTracking)before;
        if (!Warned.Sites.TryAdd(site, true) && newlyLost == LostTracking.Nothing) return;
        try
        {
            string detail = Verbose ? e.ToString() : $"{e.GetType().Name}: {e.Message}";
            string consequence = newlyLost == LostTracking.Nothing ? "" : "; " + Consequence(newlyLost);
            Console.Error.WriteLine($"=={SanitizerRuntime.Pid}==WARNING: SharpSan: internal error in {site}: {detail}{consequence}");
            Console.Error.Flush();
        }
        catch (Exception)
        {
            // Nowhere left to say it: the program goes on regardless.
        }
    }

    [ThreadStatic] static bool t_containedOnThisThread;

    /// <summary>True (once) when an internal error was contained on this thread since the last call: a halt can say why.</summary>
    internal static bool TakeContainedOnThisThread()
    {
        bool contained = t_containedOnThisThread;
        t_containedOnThisThread = false;
        return contained;
    }

    /// <summary>True once an internal error lost this kind of tracking: the reports that rely on it must not be printed.</summary>
    public static bool HasLost(LostTracking what) => (Volatile.Read(ref s_lost) & (int)what) != 0;

    /// <summary>
    /// Internal errors print the whole exception with SHARPSAN_DEBUG=1 or verbosity≥1 (once the options are read: a
    /// warning must not be what reads them, since bad options end the process).
    /// </summary>
    static bool Verbose => Environment.GetEnvironmentVariable("SHARPSAN_DEBUG") == "1" || SanitizerRuntime.OptionsIfRead?.Verbosity > 0;

    static string Consequence(LostTracking lost) => string.Join("; ", new[]
    {
        lost.HasFlag(LostTracking.Synchronisation) ? "ThreadSanitizer stops reporting (a synchronisation may be missing from its records)" : null,
        lost.HasFlag(LostTracking.Leaks) ? "LeakSanitizer stops reporting (a freed block may still look allocated, or a root was missed)" : null,
        lost.HasFlag(LostTracking.Pins) ? "use-after-unpin is no longer reported (a pin may be missing from the records)" : null,
    }.OfType<string>());

    /// <summary>Which sites fail, and how often: parsed from SHARPSAN_TEST_FAULTS.</summary>
    sealed class FaultPlan(string[] patterns, int every)
    {
        readonly ConcurrentDictionary<string, StrongBox<int>> _calls = new(StringComparer.Ordinal);

        public static FaultPlan? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            int every = 1;
            int at = text.LastIndexOf('@');
            if (at >= 0 && int.TryParse(text[(at + 1)..], out int n) && n > 0)
            {
                every = n;
                text = text[..at];
            }
            var patterns = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return patterns.Length == 0 ? null : new FaultPlan(patterns, every);
        }

        public bool Selects(string site)
        {
            if (!patterns.Any(p => p == "all" || site.Contains(p, StringComparison.OrdinalIgnoreCase))) return false;
            if (every == 1) return true;
            var calls = _calls.GetOrAdd(site, static _ => new StrongBox<int>());
            return (Interlocked.Increment(ref calls.Value) - 1) % every == 0;   // the first call fails, then every N-th
        }
    }
}

/// <summary>The failure SHARPSAN_TEST_FAULTS makes a site throw; a program under test must never see it.</summary>
public sealed class InjectedFaultException(string site) : Exception($"fault injected at {site} (SHARPSAN_TEST_FAULTS)")
{
    public string Site { get; } = site;
}
