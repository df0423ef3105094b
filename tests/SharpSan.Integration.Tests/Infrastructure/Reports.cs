using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SharpSan.Integration.Tests.Infrastructure;

/// <summary>Assertions on sanitizer reports (ASan grammar, see design.md "Contracts").</summary>
public static partial class Reports
{
    [GeneratedRegex(@"^==\d+==ERROR: (\w+):", RegexOptions.Multiline)]
    private static partial Regex ErrorHeadline();

    [GeneratedRegex(@"^SUMMARY: (\w+): (\S+) (.*)$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();

    /// <summary>Number of reports (`==pid==ERROR: Tool:` headlines) in a stream.</summary>
    public static int Count(string stderr) => ErrorHeadline().Matches(stderr).Count;

    public static IReadOnlyList<(string Tool, string Kind, string Where)> Summaries(string stderr) =>
        SummaryLine().Matches(stderr).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value.TrimEnd())).ToList();

    /// <summary>Neither SharpSan nor the program died of an unhandled .NET exception.</summary>
    public static void AssertNoCrash(ProcessResult result) =>
        Assert.False(result.StdErr.Contains("Unhandled exception", StringComparison.Ordinal), $"unhandled exception:\n{result}");

    /// <summary>
    /// The run's coverage account ("sharpsan: instrumented N assemblies[ (a copy made by an earlier run)]: A.dll, B.dll; …")
    /// names every one of <paramref name="assemblies"/>: they were checked, whether this run or an earlier one (another
    /// test with the same app and options) instrumented the copy.
    /// </summary>
    public static void AssertInstrumented(ProcessResult result, params string[] assemblies)
    {
        var account = System.Text.RegularExpressions.Regex.Match(result.StdErr, @"(?m)^sharpsan: (?:[^:\n]+: )?instrumented \d+ assembl(?:y|ies)(?: \(a copy made by an earlier run\))?: ([^;\n]+)");
        Assert.True(account.Success, $"no coverage account line:\n{result}");
        var listed = account.Groups[1].Value.Split(", ", StringSplitOptions.TrimEntries);
        foreach (var assembly in assemblies)
            Assert.True(listed.Contains(assembly), $"{assembly} is not among the instrumented assemblies ({account.Groups[1].Value}):\n{result}");
    }

    /// <summary>No sanitizer spoke: no report of any tool, no leak report, no crash of the tool itself.</summary>
    public static void AssertClean(ProcessResult result)
    {
        Assert.True(Count(result.StdErr) == 0, $"expected no report:\n{result}");
        Assert.DoesNotContain("ERROR: AddressSanitizer", result.StdErr);
        Assert.DoesNotContain("LeakSanitizer", result.StdErr);
        Assert.DoesNotContain("SUMMARY:", result.StdErr);
        Reports.AssertNoCrash(result);
    }

    /// <summary>Exactly one report, of this kind; returns its SUMMARY location ("file:line in method").</summary>
    public static string AssertSingle(ProcessResult result, string kind, string tool = "AddressSanitizer")
    {
        Assert.True(Count(result.StdErr) == 1, $"expected exactly one report:\n{result}");
        var summaries = Summaries(result.StdErr);
        Assert.True(summaries.Count == 1, $"expected exactly one SUMMARY line:\n{result}");
        Assert.True(summaries[0].Tool == tool && summaries[0].Kind == kind, $"expected SUMMARY: {tool}: {kind}, got {summaries[0]}:\n{result}");
        Assert.Contains($"ERROR: {tool}: ", result.StdErr);
        Reports.AssertNoCrash(result);
        return summaries[0].Where;
    }

    /// <summary>The text of the first report: from its `==pid==ERROR:` headline to its SUMMARY line.</summary>
    public static string Body(string stderr)
    {
        var headline = ErrorHeadline().Match(stderr);
        if (!headline.Success) return "";
        int end = stderr.IndexOf("\nSUMMARY:", headline.Index, StringComparison.Ordinal);
        return end < 0 ? stderr[headline.Index..] : stderr[headline.Index..end];
    }

    /// <summary>A block of a report, from its title line ("freed by thread T3 here:") to the next empty line.</summary>
    public static string Section(string stderr, string title)
    {
        string body = Body(stderr);
        int at = body.IndexOf(title, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no '{title}' section in the report:\n{stderr}");
        int end = body.IndexOf("\n\n", at, StringComparison.Ordinal);
        return (end < 0 ? body[at..] : body[at..end]) + "\n";
    }

    /// <summary>The SharpSan.Instrumented stamp: "&lt;version&gt;;sanitize=address" (and ";recover" when built to continue).</summary>
    public const string StampPattern = @"^\d+(\.\d+)+[^;]*;sanitize=address(;recover)?$";

    /// <summary>Lines of stack frame <paramref name="frame"/> (`    #N 0x…`) in the report, in order of appearance.</summary>
    public static IReadOnlyList<string> Frames(string stderr, int frame) =>
        stderr.Split('\n').Where(l => l.StartsWith($"    #{frame} ", StringComparison.Ordinal)).Select(l => l.TrimEnd()).ToList();

    /// <summary>The value of [AssemblyMetadata(key, value)] on an assembly, or null.</summary>
    public static string? AssemblyMetadata(string assemblyPath, string key)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference) continue;
            var type = reader.GetTypeReference((TypeReferenceHandle)parent);
            if (reader.GetString(type.Namespace) != "System.Reflection" || reader.GetString(type.Name) != "AssemblyMetadataAttribute") continue;
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1) continue;
            string? k = blob.ReadSerializedString();
            string? v = blob.ReadSerializedString();
            if (k == key) return v;
        }
        return null;
    }
}

/// <summary>Byte-for-byte snapshots of a folder, to prove that inputs are never modified.</summary>
public static class FolderSnapshot
{
    public static IReadOnlyDictionary<string, string> Take(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    public static void AssertUnchanged(IReadOnlyDictionary<string, string> before, string directory)
    {
        var after = Take(directory);
        Assert.Equal(before.Keys.OrderBy(k => k, StringComparer.Ordinal), after.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (file, hash) in before)
            Assert.True(after[file] == hash, $"{file} in {directory} was modified");
    }
}
