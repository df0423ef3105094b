using System.Text.RegularExpressions;
using SharpSan.Runtime.Common.Reporting;

namespace SharpSan.Runtime.Common.NativeAsan;

/// <summary>
/// A report of the system's AddressSanitizer (a P/Invoke'd library built with -fsanitize=address), completed by
/// SharpSan: the access stack's managed part — which ASan prints as anonymous JIT memory — is replaced by the checked
/// program's frames with file:line from the shadow stack, and the other anonymous frames get their method names from the
/// runtime's perf map. Everything else is ASan's text as it printed it.
/// </summary>
internal sealed partial class NativeAsanReport(string asanText, long[] managedFrames, PerfMap perfMap) : ErrorReport
{
    public override string Tool => "AddressSanitizer";

    public override string Kind => ErrorLine().Match(asanText) is { Success: true } m ? m.Groups[1].Value : "unknown-crash";

    /// <summary>The kind and the native frames of the access stack: the same bug reached again has the same key.</summary>
    public override string DeduplicationKey => "native:" + Kind + ":" + string.Join("|", AccessStackLines().Take(4).Select(StripAddress));

    /// <summary>Made inside ASan's callback: the runtime must not halt (or throw) from there.</summary>
    public override bool RaisedInNativeCode => true;

    public override void Print(ReportBuilder report)
    {
        var lines = asanText.Replace("\r", "").Split('\n').ToList();
        int i = 0;
        while (i < lines.Count && !lines[i].Contains("ERROR: AddressSanitizer:", StringComparison.Ordinal)) i++;
        if (i == lines.Count) i = 0;
        // Header ("==pid==ERROR: …" and "WRITE of size …").
        for (; i < lines.Count && !IsFrame(lines[i]); i++) if (!IsSeparator(lines[i])) report.Line(lines[i]);
        // The access stack: native frames until the first anonymous (managed) one, then the managed frames.
        int number = 0;
        for (; i < lines.Count && IsFrame(lines[i]) && !IsAnonymous(lines[i]); i++) report.Line(Renumber(lines[i], number++));
        while (i < lines.Count && IsFrame(lines[i])) i++;
        if (managedFrames.Length > 0) report.Stack(managedFrames, number);
        report.Line($"    (SharpSan: frames from #{number} on are the checked program's managed code{AsanLogNote()})");
        // The rest of ASan's report, anonymous frames named where the perf map knows them.
        for (; i < lines.Count; i++)
            if (!IsSeparator(lines[i]) || i < lines.Count - 1) report.Line(IsAnonymous(lines[i]) ? Named(lines[i]) : lines[i]);
    }

    /// <summary>Where ASan wrote its own text (log_path in ASAN_OPTIONS, the last one wins), for the reader who wants it.</summary>
    static string AsanLogNote()
    {
        string? options = Environment.GetEnvironmentVariable("ASAN_OPTIONS");
        var path = options?.Split(':').LastOrDefault(o => o.StartsWith("log_path=", StringComparison.Ordinal))?["log_path=".Length..];
        return string.IsNullOrEmpty(path) || path is "stderr" or "stdout" ? "" : $"; the system AddressSanitizer's own report is in {path}.{SanitizerRuntime.Pid}";
    }

    IEnumerable<string> AccessStackLines() =>
        asanText.Split('\n').SkipWhile(l => !IsFrame(l)).TakeWhile(IsFrame).Where(l => !IsAnonymous(l));

    string Named(string line)
    {
        var m = FrameAddress().Match(line);
        if (!m.Success || !ulong.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.HexNumber, null, out ulong address)) return line;
        return perfMap.NameOf(address) is { } name ? $"{line[..m.Index]}{m.Value} in {name} (JIT code, named by the runtime's perf map)" : line;
    }

    static bool IsFrame(string line) => FrameLine().IsMatch(line);
    static bool IsSeparator(string line) => line.StartsWith("=================================================================", StringComparison.Ordinal);

    /// <summary>JIT code: ASan names no function, only the double-mapped anonymous memory it lies in.</summary>
    static bool IsAnonymous(string line) => line.Contains("(/memfd:doublemapper", StringComparison.Ordinal) || line.Contains("(<unknown module>)", StringComparison.Ordinal);

    static string Renumber(string line, int number) => FrameLine().Replace(line, $"    #{number} ", 1);

    static string StripAddress(string line) => FrameAddress().Replace(line, "", 1).Trim();

    [GeneratedRegex(@"ERROR: AddressSanitizer: ([a-z\-]+)")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^\s+#\d+ ")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"#\d+ 0x([0-9a-f]+)")]
    private static partial Regex FrameAddress();
}
