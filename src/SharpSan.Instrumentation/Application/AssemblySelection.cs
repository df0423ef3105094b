using System.Text.RegularExpressions;

namespace SharpSan.Instrumentation.Application;

/// <summary>
/// Decides which assemblies of an application get instrumented. By default: the app itself and the
/// solution's own libraries ("project" entries of the app's deps.json), never the framework, the test
/// platform, NuGet packages or SharpSan itself. --include and --exclude globs (on file names) override.
/// </summary>
public sealed class AssemblySelection(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
{
    static readonly string[] s_neverByDefault =
    [
        "System.*", "Microsoft.*", "netstandard.dll", "mscorlib.dll", "WindowsBase.dll",
        "xunit.*", "xunit*.dll", "testhost*", "NUnit*", "nunit*", "testcentric.*", "MSTest*", "Microsoft.TestPlatform*", "Microsoft.VisualStudio.TestPlatform*",
        "coverlet*", "Mono.Cecil*", "SharpSan.*", "Newtonsoft.Json.dll", "Castle.Core.dll", "Moq.dll", "FluentAssertions*",
    ];

    /// <summary>The reason given for a NuGet package left unchecked (the coverage account counts these).</summary>
    public const string PackageDependency = "NuGet package (use --include to check it)";
    public const string FrameworkAssembly = "framework or test-platform assembly";
    public const string ExcludedByUser = "excluded by --exclude";

    public (bool Selected, string Why) Decide(string fileName, DepsJson? deps, string mainAssembly)
    {
        if (Matches(exclude, fileName)) return (false, ExcludedByUser);
        if (Matches(include, fileName)) return (true, "included by --include");
        if (fileName.StartsWith("SharpSan.", StringComparison.Ordinal)) return (false, "SharpSan's own assembly");
        if (string.Equals(fileName, mainAssembly, StringComparison.OrdinalIgnoreCase)) return (true, "the application");
        string? kind = deps?.KindOf(fileName);
        // A project's output is the user's code whatever its name (a solution may well have a Microsoft.* project).
        if (kind == "project") return (true, "project reference");
        if (Matches(s_neverByDefault, fileName)) return (false, FrameworkAssembly);
        return kind switch
        {
            "package" => (false, PackageDependency),
            "reference" => (true, "assembly reference (an app-local DLL the project references)"),
            { } other => (false, $"{other} dependency (use --include to check it)"),
            null => (true, "app-local assembly"),
        };
    }

    static bool Matches(IEnumerable<string> globs, string fileName) =>
        globs.Any(g => Regex.IsMatch(fileName, "^" + Regex.Escape(g).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase));
}
