using System.Text.RegularExpressions;
using SharpSan.Runtime.Common.NativeAsan;

namespace SharpSan.Cli.Native;

/// <summary>
/// `native_leaks=1`: LeakSanitizer writes its report at the process's exit into ASan's log in the run's scratch folder,
/// outside SharpSan's report callback (which ASan calls for errors only). After the run the report is printed on
/// stderr, its JIT frames named from the runtime's perf map, written into the results folder as findings when there is
/// one (<see cref="NativeLeakFindings"/>), and the log deleted.
/// </summary>
internal static partial class NativeLeakReports
{
    /// <param name="findingsDir">Where the run's findings go (results_dir, `sharpsan test`'s findings folder), or null.</param>
    public static void Print(string scratch, string? findingsDir)
    {
        try
        {
            foreach (var log in Directory.EnumerateFiles(scratch, "asan.*").Order())
            {
                var lines = File.ReadAllLines(log);
                int start = Array.FindIndex(lines, l => l.Contains("ERROR: LeakSanitizer:", StringComparison.Ordinal));
                if (start < 0) continue;
                if (start > 0 && lines[start - 1].StartsWith("=====", StringComparison.Ordinal)) start--;
                var perfMap = int.TryParse(Path.GetExtension(log).TrimStart('.'), out int pid) ? PerfMap.Load(pid, scratch) : null;
                var named = lines[start..].Select(line => perfMap is null ? line : Named(line, perfMap)).ToList();
                foreach (var line in named) Console.Error.WriteLine(line);
                if (findingsDir is not null)
                {
                    int header = named.FindIndex(l => l.Contains("ERROR: LeakSanitizer:", StringComparison.Ordinal));
                    NativeLeakFindings.Write(findingsDir, pid, named[header], named[(header + 1)..]);
                }
                File.Delete(log);   // printed whole: ASan ends the process at an error report, so no leak check follows one
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sharpsan: could not read AddressSanitizer's leak report in {scratch}: {e.Message}");
        }
    }

    static string Named(string line, PerfMap perfMap)
    {
        var m = AnonymousFrame().Match(line);
        if (!m.Success) return line;
        ulong address = Convert.ToUInt64(m.Groups[1].Value, 16);
        return perfMap.NameOf(address) is { } name ? line[..m.Groups[2].Index] + "in " + name + " (JIT code, named by the runtime's perf map)" : line;
    }

    [GeneratedRegex(@"#\d+ 0x([0-9a-f]+) +(\(/memfd:doublemapper \(deleted\)\+0x[0-9a-f]+\))")]
    private static partial Regex AnonymousFrame();
}
