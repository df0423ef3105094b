using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpSan.Cli.Commands;

/// <summary>
/// <c>sharpsan.json</c>, found in the target's folder or the nearest one above it: settings a repository keeps for
/// everyone who tests it, instead of a .runsettings file.
/// <code>
/// { "sanitize": "address", "include": ["Vendor.*.dll"], "exclude": ["Generated.dll"],
///   "options": "detect_leaks=0:quarantine_size_mb=64", "suppressions": "sharpsan.supp" }
/// </code>
/// Command-line arguments win over the file (globs add up), and SHARPSAN_OPTIONS over its options; a relative
/// suppressions path is relative to the file.
/// </summary>
internal sealed record ConfigFile(string Path, string? Sanitize, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, string Options)
{
    public const string FileName = "sharpsan.json";

    /// <summary>The nearest sharpsan.json at or above <paramref name="target"/>; null when there is none; throws <see cref="FormatException"/> for a broken one.</summary>
    public static ConfigFile? Find(string target)
    {
        string full = System.IO.Path.GetFullPath(target);
        for (var dir = new DirectoryInfo(File.Exists(full) ? System.IO.Path.GetDirectoryName(full)! : full); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return Load(candidate);
        }
        return null;
    }

    static ConfigFile Load(string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new FormatException("the top level must be an object");
            var unknown = root.Select(p => p.Key).Except(["sanitize", "include", "exclude", "options", "suppressions"]).ToList();
            if (unknown.Count > 0) throw new FormatException($"unknown key(s) {string.Join(", ", unknown)}; known: sanitize, include, exclude, options, suppressions");
            string options = (string?)root["options"] ?? "";
            if ((string?)root["suppressions"] is { Length: > 0 } suppressions)
            {
                string file = System.IO.Path.GetFullPath(suppressions, System.IO.Path.GetDirectoryName(path)!);
                options = options.Length > 0 ? $"{options}:suppressions={file}" : $"suppressions={file}";
            }
            return new ConfigFile(path, (string?)root["sanitize"], Strings(root["include"]), Strings(root["exclude"]), options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"{path}: {e.Message}");
        }
        catch (FormatException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new FormatException($"{path}: {e.Message}");
        }
    }

    static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => (string?)n ?? throw new FormatException("include/exclude must be arrays of strings")).ToList(),
        _ => throw new FormatException("include/exclude must be arrays of strings"),
    };

    /// <summary>The file's options, then SHARPSAN_OPTIONS (later keys win in the runtime's parser).</summary>
    public static string MergeOptions(ConfigFile? config, string environment) =>
        config is null || config.Options.Length == 0 ? environment
        : environment.Length == 0 ? config.Options : $"{config.Options}:{environment}";
}
