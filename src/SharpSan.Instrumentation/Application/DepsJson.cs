using System.Text.Json.Nodes;

namespace SharpSan.Instrumentation.Application;

/// <summary>The parts of an app's .deps.json that SharpSan reads and edits.</summary>
public sealed class DepsJson
{
    readonly JsonObject _root;
    /// <summary>Every library type ("project", "package", "reference", …) under which a file is listed.</summary>
    readonly Dictionary<string, HashSet<string>> _kindsByFile = new(StringComparer.OrdinalIgnoreCase);

    DepsJson(JsonObject root)
    {
        _root = root;
        var libraries = root["libraries"] as JsonObject;
        foreach (var target in (root["targets"] as JsonObject ?? []).Select(t => t.Value).OfType<JsonObject>())
        foreach (var (library, value) in target)
        {
            string kind = libraries?[library]?["type"]?.GetValue<string>() ?? "unknown";
            foreach (var file in (value?["runtime"] as JsonObject ?? []).Select(f => f.Key))
            {
                string name = Path.GetFileName(file);
                if (!_kindsByFile.TryGetValue(name, out var kinds)) _kindsByFile[name] = kinds = [];
                kinds.Add(kind);
            }
        }
    }

    public static DepsJson? Load(string path) =>
        File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject root ? new DepsJson(root) : null;

    /// <summary>
    /// What a file is to the app. A project whose PackageId (or project name) differs from its assembly name is listed
    /// twice — as "project" under the package id and as "reference" under the assembly name — so any "project" entry
    /// wins: a file that is some project's output is the user's own code. Then "package" (a NuGet dependency), then
    /// whatever else the file is listed as; null when the deps.json does not list it.
    /// </summary>
    public string? KindOf(string fileName)
    {
        if (!_kindsByFile.TryGetValue(fileName, out var kinds)) return null;
        if (kinds.Contains("project")) return "project";
        if (kinds.Contains("package")) return "package";
        return kinds.Order(StringComparer.Ordinal).First();
    }

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
