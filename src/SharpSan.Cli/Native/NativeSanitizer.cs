using System.CommandLine;
using System.Diagnostics;

using SharpSan.Cli.Commands;

namespace SharpSan.Cli.Native;

/// <summary>
/// `--native address`: the checked program runs with the system's AddressSanitizer runtime preloaded, so that native
/// libraries built with -fsanitize=address are checked in the same run as the managed code; SharpSan's runtime
/// completes ASan's reports with the managed frames (SystemAsan).
/// </summary>
internal static class NativeSanitizer
{
    /// <summary>
    /// What the .NET runtime needs to run under ASan (measured): its own SIGSEGV handling (null references) stays in
    /// charge, the GC's signals use the normal stack, and the runtime's deliberate process-lifetime allocations are not
    /// leaks. The user's ASAN_OPTIONS come after these and win.
    /// </summary>
    const string RequiredOptions = "handle_segv=0:allow_user_segv_handler=1:detect_leaks=0:use_sigaltstack=0";

    static readonly string[] s_searchFolders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib/x86_64-linux-gnu", "/usr/lib", "/usr/local/lib"];

    public static Option<string?> Option() => new("--native")
    {
        Description = "Also check native code: address (libraries built with -fsanitize=address, under the system's AddressSanitizer runtime) or valgrind (any library, under Valgrind's Memcheck; run only, ~50-100x slower).",
    };

    /// <summary>
    /// Validates --native and finds the tool: the ASan runtime for address, valgrind for valgrind (when
    /// <paramref name="valgrindAllowed"/>); false after printing an error.
    /// </summary>
    public static bool TryPrepare(string? native, bool valgrindAllowed, out string? asanRuntime, out string? valgrind)
    {
        asanRuntime = valgrind = null;
        if (native is null) return true;
        if (native == "valgrind" && valgrindAllowed)
        {
            valgrind = NativeValgrind.Find();
            return valgrind is not null;
        }
        if (native != "address")
        {
            CommonOptions.Error($"--native {native} is not supported here; native checkers: address (the system's AddressSanitizer){(valgrindAllowed ? ", valgrind" : "; valgrind works with `sharpsan run` only")}");
            return false;
        }
        asanRuntime = FindAsanRuntime();
        if (asanRuntime is null)
        {
            CommonOptions.Error("--native address needs the system's AddressSanitizer runtime (libasan.so), and none was found in " +
                string.Join(", ", s_searchFolders) + "; install it (Debian/Ubuntu: apt-get install libasan8; Fedora: dnf install libasan), or set SHARPSAN_LIBASAN to its path");
            return false;
        }
        return true;
    }

    /// <summary>
    /// Preloads the ASan runtime into the checked program with the options the .NET runtime needs. ASan's own report goes
    /// to a log in <paramref name="scratch"/> (SharpSan prints the completed one); the runtime's perf map, which names
    /// JIT'd frames, is written there too. The caller deletes the folder after the run. With <paramref name="recover"/>
    /// (`sharpsan test`) ASan goes on after a report it can recover from — any error found in an interceptor (memcpy,
    /// memset, strlen, …), and every error of code built with -fsanitize-recover=address — and reports each occurrence
    /// (not once per code location), so that the test that made the native call fails when it returns and the other
    /// tests run on.
    /// </summary>
    public static void Apply(ProcessStartInfo start, string asanRuntime, string scratch, bool recover = false)
    {
        Directory.CreateDirectory(scratch);
        string? preload = Environment.GetEnvironmentVariable("LD_PRELOAD");
        start.Environment["LD_PRELOAD"] = string.IsNullOrEmpty(preload) ? asanRuntime : asanRuntime + ":" + preload;
        string? user = Environment.GetEnvironmentVariable("ASAN_OPTIONS");
        string ours = RequiredOptions + (recover ? ":halt_on_error=0:suppress_equal_pcs=0" : "") + ":log_path=" + Path.Combine(scratch, "asan");
        string? options = start.Environment.TryGetValue("SHARPSAN_OPTIONS", out var set) ? set : null;
        ours += ":suppressions=" + NativeSuppressions.Write(options);   // the runtime's rules and the user's
        if (NativeSuppressions.LeaksRequested(options))
        {
            // A leak rule matches any frame of the allocation stack, and every P/Invoke stack reaches libcoreclr:
            // 3 frames keep the runtime's rules to the allocating function and its caller.
            ours += ":detect_leaks=1:malloc_context_size=3";
            string? userLsan = Environment.GetEnvironmentVariable("LSAN_OPTIONS");
            string lsan = "suppressions=" + NativeSuppressions.WriteLeaks(options);
            start.Environment["LSAN_OPTIONS"] = string.IsNullOrEmpty(userLsan) ? lsan : lsan + ":" + userLsan;
        }
        start.Environment["ASAN_OPTIONS"] = string.IsNullOrEmpty(user) ? ours : ours + ":" + user;
        start.Environment["DOTNET_PerfMapEnabled"] = "3";   // perf map only: names JIT'd frames in ASan's other stacks
        start.Environment["DOTNET_PerfMapJitDumpPath"] = scratch;
    }

    /// <summary>A fresh folder for one run's ASan log and perf maps.</summary>
    public static string NewScratch() => Path.Combine(Path.GetTempPath(), $"sharpsan-native-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);

    /// <summary>Removes a run's scratch folder, keeping ASan's own logs when a report made them (they are named in it).</summary>
    public static void Clean(string scratch)
    {
        try
        {
            foreach (var map in Directory.EnumerateFiles(scratch, "perf-*.map")) File.Delete(map);
            if (!Directory.EnumerateFileSystemEntries(scratch).Any()) Directory.Delete(scratch);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    static string? FindAsanRuntime()
    {
        if (Environment.GetEnvironmentVariable("SHARPSAN_LIBASAN") is { Length: > 0 } given) return File.Exists(given) ? given : null;
        foreach (var folder in s_searchFolders.Where(Directory.Exists))
        {
            var found = Directory.EnumerateFiles(folder, "libasan.so*").OrderByDescending(f => f.Length).ThenByDescending(f => f, StringComparer.Ordinal).FirstOrDefault();
            if (found is not null) return found;
        }
        return null;
    }
}
