using System.Text.Json.Nodes;
using SharpSan.Cli.Commands;

namespace SharpSan.Cli.Native;

/// <summary>
/// `sharpsan test --native address`: a test host that the system AddressSanitizer ended after an error it cannot
/// continue past (an inline check in a library built without -fsanitize-recover=address) leaves a note in the findings
/// folder (the runtime's NativeHostDeath). After the run it is turned into a line that says which test was running, why
/// the host died and how to rebuild, instead of leaving the reader with the runner's "test host process crashed".
/// </summary>
internal static class NativeHostDeaths
{
    const string NotePattern = "host-death-*.json";

    public static void Explain(string findingsDir, string project)
    {
        if (!Directory.Exists(findingsDir)) return;
        foreach (var file in Directory.EnumerateFiles(findingsDir, NotePattern).Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is JsonObject note)
                    CommonOptions.Info($"{project}: the test host (pid {(int?)note["pid"]}) died in {(string?)note["test"]}: the system AddressSanitizer ended it after a " +
                        $"{(string?)note["kind"]} found by the inline checks of a native library built without -fsanitize-recover=address, which cannot go on " +
                        "after an error; the tests after it did not run. Rebuild the library with `-fsanitize=address -fsanitize-recover=address` " +
                        "(sharpsan test makes ASan recover) so that only the faulty test fails.");
                File.Delete(file);   // explained once, also when several test projects share the folder
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                CommonOptions.Info($"{project}: the test host died after a native AddressSanitizer error ({Path.GetFileName(file)} unreadable: {e.Message})");
            }
        }
    }
}
