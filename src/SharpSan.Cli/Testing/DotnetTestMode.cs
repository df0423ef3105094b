using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpSan.Cli.Testing;

/// <summary>
/// Which mode `dotnet test` runs in for a project: Microsoft.Testing.Platform when the nearest global.json above it says
/// <c>"test": { "runner": "Microsoft.Testing.Platform" }</c> (.NET 10 SDK), else VSTest.
/// </summary>
internal static class DotnetTestMode
{
    public static bool UsesTestingPlatform(string project)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(project))!); dir is not null; dir = dir.Parent)
        {
            string globalJson = Path.Combine(dir.FullName, "global.json");
            if (!File.Exists(globalJson)) continue;
            try
            {
                var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
                string? runner = JsonNode.Parse(File.ReadAllText(globalJson), documentOptions: options)?["test"]?["runner"]?.GetValue<string>();
                return string.Equals(runner, "Microsoft.Testing.Platform", StringComparison.OrdinalIgnoreCase);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return false;   // dotnet itself reports a malformed global.json
            }
        }
        return false;
    }
}
