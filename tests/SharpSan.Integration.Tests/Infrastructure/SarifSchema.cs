using NJsonSchema;

namespace SharpSan.Integration.Tests.Infrastructure;

/// <summary>The SARIF 2.1.0 schemas vendored in Sarif/ (see its README), and validation against them.</summary>
public static class SarifSchema
{
    static readonly Lazy<(string Name, JsonSchema Schema)[]> s_schemas = new(() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Sarif"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), JsonSchema.FromJsonAsync(File.ReadAllText(f)).GetAwaiter().GetResult())).ToArray());

    /// <summary>Every violation of every vendored schema by the SARIF text, as "schema: path: kind" lines.</summary>
    public static IReadOnlyList<string> Violations(string sarif)
    {
        Assert.Equal(2, s_schemas.Value.Length);
        return s_schemas.Value.SelectMany(s => s.Schema.Validate(sarif).Select(e => $"{s.Name}: {e}")).ToList();
    }
}
