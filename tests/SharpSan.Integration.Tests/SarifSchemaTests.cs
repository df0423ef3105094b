using System.Text.Json.Nodes;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>The schema check the `sharpsan test` tests rely on catches what it should (so an empty list means something).</summary>
public sealed class SarifSchemaTests
{
    const string Minimal = """
        { "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "SharpSan" } },
          "results": [ { "ruleId": "heap-buffer-overflow", "level": "error", "message": { "text": "overflow" } } ] } ] }
        """;

    [Fact]
    public void AMinimalLog_IsValid() => Assert.Empty(SarifSchema.Violations(Minimal));

    [Theory]
    [InlineData("runs/0/tool/driver", "name")]          // a driver must have a name
    [InlineData("runs/0/results/0", "message")]         // a result must have a message
    [InlineData("", "version")]
    public void ALogMissingARequiredProperty_IsInvalid(string path, string property)
    {
        var log = JsonNode.Parse(Minimal)!;
        var parent = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate(log, (node, step) => int.TryParse(step, out int i) ? node[i]! : node[step]!);
        parent.AsObject().Remove(property);
        Assert.NotEmpty(SarifSchema.Violations(log.ToJsonString()));
    }

    [Fact]
    public void AnUnknownLevel_IsInvalid() =>
        Assert.NotEmpty(SarifSchema.Violations(Minimal.Replace("\"error\"", "\"fatal\"")));
}
