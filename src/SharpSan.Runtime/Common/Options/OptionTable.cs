namespace SharpSan.Runtime.Common.Options;

public enum OptionType { Bool, Int, String }

/// <summary>One option: declared once, here, as data (like compiler-rt's asan_flags.inc).</summary>
/// <param name="Default">The value when the option is not set, for the address checker (and for every mode unless <paramref name="ModeDefaults"/> says otherwise).</param>
/// <param name="ModeDefaults">How the default differs by checker ("thread: 0"), as the sanitizers SharpSan follows differ (TSan continues after a report, ASan halts).</param>
public sealed record OptionSpec(string Name, OptionType Type, string Default, string Help, string ModeDefaults = "")
{
    /// <summary>The default as `sharpsan options` shows it: the value, then any per-checker difference.</summary>
    public string DefaultText => ModeDefaults.Length == 0 ? Default : $"{Default} ({ModeDefaults})";
}

/// <summary>
/// The single declarative table of SHARPSAN_OPTIONS. Parsing, validation, `sharpsan options` help and
/// the README table all come from here. Names follow ASan/TSan where one exists.
/// </summary>
public static class OptionTable
{
    public static readonly IReadOnlyList<OptionSpec> All =
    [
        new("halt_on_error", OptionType.Bool, "1", "Report the first error and exit with `exitcode`; 0 reports every distinct error once and continues. ThreadSanitizer continues by default, as TSan does.", "thread: 0"),
        new("exitcode", OptionType.Int, "-1", "Exit code when a report was printed (-1: the default of the tool whose report came first).", "address: 1, thread: 66, memory: 77"),
        new("log_path", OptionType.String, "", "Also write each report, as it happens, to <log_path>.<pid>."),
        new("results_dir", OptionType.String, "", "Also write each finding, as it happens, as a JSON file into this folder (`sharpsan test` reads them)."),
        new("fail_tests", OptionType.Bool, "0", "Throw SharpSan.Runtime.SanitizerFindingException on the thread of a running xunit/NUnit/MSTest test that raised a finding, so that test fails with the report (`sharpsan test` sets this)."),
        new("quarantine_size_mb", OptionType.Int, "256", "Bytes of freed native memory (MiB) held back from reuse to catch use-after-free."),
        new("pool_quarantine_size_mb", OptionType.Int, "64", "Bytes of returned pooled arrays (MiB) each checking ArrayPool holds back from reuse (at most 64 arrays) to catch pool-use-after-return; 0 hands returned arrays out again at once."),
        new("redzone", OptionType.Int, "16", "Minimum heap redzone in bytes (power of two, 16..2048)."),
        new("max_redzone", OptionType.Int, "2048", "Maximum heap redzone in bytes; redzones grow with the allocation size up to this."),
        new("malloc_context_size", OptionType.Int, "30", "Frames kept for allocation and free stacks."),
        new("track_origins", OptionType.Int, "1", "MemorySanitizer (MSan's -fsanitize-memory-track-origins): 1 says where an undefined value was created; 2 also lists the stores it went through on the way (\"Uninitialized value was stored to memory at\", newest first, up to 16), at the cost of a stack capture per store of an undefined value; 0 prints no origin."),
        new("detect_leaks", OptionType.Bool, "1", "Run LeakSanitizer at exit."),
        new("malloc_fill_byte", OptionType.Int, "190", "Value written into fresh (non-zeroed) allocations (0xbe, as ASan)."),
        new("max_malloc_fill_size", OptionType.Int, "4096", "Fill at most this many bytes of each fresh allocation."),
        new("suppressions", OptionType.String, "", "File of suppressions (`leak:Pattern`, `heap-buffer-overflow:Pattern`, ...), matched against report frames."),
        new("sgcheck_heuristic", OptionType.Bool, "1", "SGCheck's heuristic for pointers derived elsewhere: a pointer access in a loop is bound, per method activation, to the first known buffer it touches (escaped fixed buffer or [InlineArray], stackalloc buffer, RVA global); leaving it for the enclosing struct or for another known buffer is reported. 0 turns it off (read when instrumenting too: then no binding code is emitted)."),
        new("gc_stress", OptionType.Int, "0", "AddressSanitizer: every N-th safe point (a call or loop back-edge in an instance method of a type with a finalizer or a SafeHandle) runs GC.Collect() and GC.WaitForPendingFinalizers(), so an object finalized while its method still uses its native memory is reported (premature-finalization) in ordinary runs. 0: off. Best with methods optimized from their first call (DOTNET_TieredCompilation=0): tier-0 code keeps `this` alive to the end of the method."),
        new("print_legend", OptionType.Bool, "1", "Print the shadow byte legend after the shadow dump."),
        new("history_size", OptionType.Int, "2", "ThreadSanitizer: each thread remembers its last 8192 << history_size shadow-changing accesses (0..7) to print the previous access's stack; older ones print \"[failed to restore the stack]\"."),
        new("report_atomic_races", OptionType.Int, "1", "ThreadSanitizer: races between plain and atomic (Interlocked, Volatile) accesses of one variable. 1: reported when the plain access writes; a plain read of an atomically updated field is not (aligned reads up to the pointer size are atomic in .NET: the value can be stale, never torn — the common statistics-counter idiom). 2: plain reads too, as TSan does. 0: none."),
        new("race_detector", OptionType.String, "fasttrack", "ThreadSanitizer: fasttrack (pure happens-before, as TSan v2: every synchronisation orders accesses) or hybrid (as TSan v1's hybrid mode: locks give locksets instead of happens-before edges; two unordered accesses with no common lock are a race even when the run happened to order them through an unrelated lock — more reports, independent of the schedule)."),
        new("race_stats", OptionType.Bool, "0", "ThreadSanitizer: count accesses by path and print at exit the fraction that took FastTrack's O(1) path and the same-epoch path."),
        new("abort_on_error", OptionType.Bool, "0", "Die with abort() (SIGABRT) instead of exiting with `exitcode`, so the runtime writes a crash dump when DOTNET_DbgEnableMiniDump=1 (DOTNET_DbgMiniDumpType, DOTNET_DbgMiniDumpName choose its kind and path)."),
        new("sleep_before_dying", OptionType.Int, "0", "Before the process dies because of a report, print its pid and how to attach a debugger, then sleep this many seconds."),
        new("break_on_report", OptionType.Bool, "0", "After each report, stop: Debugger.Break() when a managed debugger is attached; otherwise print the pid and how to attach one, then wait sleep_before_dying seconds (30 when unset), breaking as soon as a debugger attaches."),
        new("guard_sample_rate", OptionType.Int, "5000", "Guard mode: one native allocation in this many is placed alone between inaccessible pages (GWP-ASan's sample rate); 1 guards every allocation up to guard_max_size, and the pool then grows as needed."),
        new("guard_max_simultaneous", OptionType.Int, "16", "Guard mode: guarded allocations live at once (the pool's slots); a sample taken while all are in use is served unguarded (unless guard_sample_rate=1)."),
        new("guard_max_size", OptionType.Int, "16384", "Guard mode: the largest allocation that can be guarded, in bytes; each slot spans this many bytes rounded up to whole pages."),
        new("guard_align", OptionType.String, "auto", "Guard mode: where a guarded block sits in its slot: right (against the page after it: overflows caught), left (against the page before it: underflows caught), or auto (right when guard_sample_rate=1, else chosen at random per allocation)."),
        new("free_fill_byte", OptionType.Int, "85", "Guard mode: value written over freed memory (0x55), so a stale read sees a pattern rather than the old data."),
        new("max_free_fill_size", OptionType.Int, "4096", "Guard mode: fill at most this many bytes of each freed block (-1: all)."),
        new("quarantine_size_kb", OptionType.Int, "256", "Guard mode: freed native memory (KiB) held back from reuse, as Scudo's quarantine."),
        new("native_leaks", OptionType.Bool, "0", "`--native address`: also run LeakSanitizer at exit over the native heap, so a block leaked by a library built with -fsanitize=address is reported; the .NET runtime's own blocks are suppressed by the file SharpSan ships (Native/dotnet-runtime.lsan.supp), and ASan's allocation stacks keep 3 frames (a leak rule matches any frame). Ignored by SharpSan's runtime itself."),
        new("verbosity", OptionType.Int, "0", "1 prints runtime start-up details on stderr."),
    ];

    public static OptionSpec? Find(string name)
    {
        foreach (var option in All)
            if (option.Name == name) return option;
        return null;
    }

    public static string KnownNames => string.Join(", ", All.Select(o => o.Name));
}
