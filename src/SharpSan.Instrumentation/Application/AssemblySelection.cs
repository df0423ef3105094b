using System.Text.Json.Nodes;
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

    public (bool Selected, string Why) Decide(string fileName, DepsJson? deps, string mainAssembly)
    {
        if (Matches(exclude, fileName)) return (false, "excluded by --exclude");
        if (Matches(include, fileName)) return (true, "included by --include");
        if (fileName.StartsWith("SharpSan.", StringComparison.Ordinal)) return (false, "SharpSan's own assembly");
        if (string.Equals(fileName, mainAssembly, StringComparison.OrdinalIgnoreCase)) return (true, "the application");
        if (Matches(s_neverByDefault, fileName)) return (false, "framework or test-platform assembly");
        if (deps?.KindOf(fileName) is { } kind)
            return kind == "project" ? (true, "project reference") : (false, $"{kind} dependency (NuGet package; use --include to check it)");
        return (true, "app-local assembly");
    }

    static bool Matches(IEnumerable<string> globs, string fileName) =>
        globs.Any(g => Regex.IsMatch(fileName, "^" + Regex.Escape(g).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase));
}

/// <summary>The parts of an app's .deps.json that SharpSan reads and edits.</summary>
public sealed class DepsJson
{
    readonly JsonObject _root;
    readonly Dictionary<string, string> _kindByFile = new(StringComparer.OrdinalIgnoreCase);

    DepsJson(JsonObject root)
    {
        _root = root;
        var libraries = root["libraries"] as JsonObject;
        foreach (var target in (root["targets"] as JsonObject ?? []).Select(t => t.Value).OfType<JsonObject>())
        foreach (var (library, value) in target)
        {
            string kind = libraries?[library]?["type"]?.GetValue<string>() ?? "unknown";
            foreach (var file in (value?["runtime"] as JsonObject ?? []).Select(f => f.Key))
                _kindByFile[Path.GetFileName(file)] = kind;
        }
    }

    public static DepsJson? Load(string path) =>
        File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject root ? new DepsJson(root) : null;

    public string? KindOf(string fileName) => _kindByFile.GetValueOrDefault(fileName);

    /// <summary>Lists SharpSan.Runtime as a project dependency so the host resolves it from the app folder.</summary>
    public void AddRuntime(string version)
    {
        string id = $"SharpSan.Runtime/{version}";
        foreach (var target in (_root["targets"] as JsonObject ?? []).Select(t => t.Value).OfType<JsonObject>())
            target[id] = new JsonObject { ["runtime"] = new JsonObject { ["SharpSan.Runtime.dll"] = new JsonObject() } };
        if (_root["libraries"] is JsonObject libraries)
            libraries[id] = new JsonObject { ["type"] = "project", ["serviceable"] = false, ["sha512"] = "" };
    }

    public void Save(string path) => File.WriteAllText(path, _root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
}
