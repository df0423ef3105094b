using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharpSan.Instrumentation.Application;

/// <summary>
/// What was done to each assembly of an instrumented copy, kept inside the copy so that a later run reusing it can
/// still say which assemblies are checked.
/// </summary>
internal static class AssemblyOutcomes
{
    const string FileName = ".sharpsan-assemblies.json";

    public static void Save(string copy, IReadOnlyList<AssemblyOutcome> outcomes) =>
        File.WriteAllText(Path.Combine(copy, FileName), JsonSerializer.Serialize(outcomes.ToList(), OutcomesJson.Default.ListAssemblyOutcome));

    /// <summary>The outcomes saved in a copy; empty for a copy made by a version that did not save them.</summary>
    public static IReadOnlyList<AssemblyOutcome> Load(string copy)
    {
        string path = Path.Combine(copy, FileName);
        if (!File.Exists(path)) return [];
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), OutcomesJson.Default.ListAssemblyOutcome) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

/// <summary>Source-generated (de)serialisation: a cached run reads the outcomes without reflection-built converters.</summary>
[JsonSerializable(typeof(List<AssemblyOutcome>))]
internal sealed partial class OutcomesJson : JsonSerializerContext;
