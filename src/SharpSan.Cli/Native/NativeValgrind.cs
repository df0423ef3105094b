using System.Diagnostics;
using System.Text.RegularExpressions;
using SharpSan.Cli.Commands;
using SharpSan.Runtime.Common.NativeAsan;

namespace SharpSan.Cli.Native;

/// <summary>
/// `sharpsan run --native valgrind`: the checked program under Valgrind's Memcheck, for native libraries that cannot be
/// rebuilt with -fsanitize=address. Measured here: Valgrind runs the .NET 10 runtime (the GC, JIT and exceptions work)
/// and catches a heap overflow in an uninstrumented C library, ~50–100× slower than a plain run; the runtime's own
/// start-up noise is suppressed by the file SharpSan ships. Valgrind cannot name JIT'd frames; the runtime's perf map
/// does, so Memcheck's log is printed after the run with those frames named.
/// </summary>
internal static partial class NativeValgrind
{
    const string SuppressionsFile = "dotnet-runtime.valgrind.supp";

    /// <summary>The valgrind executable on PATH, or null after printing an error naming the package.</summary>
    public static string? Find()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, "valgrind");
            if (File.Exists(candidate)) return candidate;
        }
        CommonOptions.Error("--native valgrind needs valgrind on PATH; install it (Debian/Ubuntu: apt-get install valgrind; Fedora: dnf install valgrind)");
        return null;
    }

    /// <summary>Runs <paramref name="start"/>'s command under Memcheck, its log and the runtime's perf map in <paramref name="scratch"/>.</summary>
    public static void Wrap(ProcessStartInfo start, string valgrind, string scratch)
    {
        Directory.CreateDirectory(scratch);
        string[] memcheck =
        [
            "--tool=memcheck", "--error-exitcode=1", "--num-callers=30",
            "--suppressions=" + Path.Combine(AppContext.BaseDirectory, "Native", SuppressionsFile),
            "--log-file=" + Path.Combine(scratch, "valgrind.%p"),
            start.FileName,
        ];
        for (int i = 0; i < memcheck.Length; i++) start.ArgumentList.Insert(i, memcheck[i]);
        start.FileName = valgrind;
        start.Environment["DOTNET_PerfMapEnabled"] = "3";
        start.Environment["DOTNET_PerfMapJitDumpPath"] = scratch;
    }

    /// <summary>Prints Memcheck's findings (its logs, JIT frames named from the perf maps) to stderr, then removes the logs.</summary>
    public static void PrintReports(string scratch)
    {
        foreach (var log in Directory.EnumerateFiles(scratch, "valgrind.*").Order())
        {
            string pid = Path.GetExtension(log).TrimStart('.');
            var perfMap = int.TryParse(pid, out int p) ? PerfMap.Load(p, scratch) : null;
            var lines = File.ReadAllLines(log);
            bool hasErrors = lines.Any(l => ErrorSummary().Match(l) is { Success: true } m && m.Groups[1].Value != "0");
            if (hasErrors)
                foreach (var line in lines.Where(l => !l.Contains("Warning: set address range perms", StringComparison.Ordinal)))
                    Console.Error.WriteLine(perfMap is null ? line : Named(line, perfMap));
            File.Delete(log);
        }
    }

    static string Named(string line, PerfMap perfMap)
    {
        var m = AnonymousFrame().Match(line);
        if (!m.Success) return line;
        ulong address = Convert.ToUInt64(m.Groups[1].Value, 16);
        return perfMap.NameOf(address) is { } name ? line[..m.Groups[2].Index] + name + " (JIT code, named by the runtime's perf map)" : line;
    }

    [GeneratedRegex(@"ERROR SUMMARY: (\d+) errors")]
    private static partial Regex ErrorSummary();

    [GeneratedRegex(@"0x([0-9A-Fa-f]+): (\?\?\? \(in /memfd:doublemapper \(deleted\)\))")]
    private static partial Regex AnonymousFrame();
}
