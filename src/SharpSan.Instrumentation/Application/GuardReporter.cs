namespace SharpSan.Instrumentation.Application;

/// <summary>
/// Guard mode's fault monitor asks `sharpsan guard-stack` (a separate process, with ClrMD) for the stack of the thread
/// blocked at a faulting access. The instrumented copy records where that command lives, in a file beside the runtime
/// (SHARPSAN_GUARD_REPORTER overrides it where the copy is deployed elsewhere).
/// </summary>
public static class GuardReporter
{
    public const string FileName = "SharpSan.Runtime.guard-reporter";

    public static void Record(string outputDirectory)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "sharpsan.dll");
        if (File.Exists(cli)) File.WriteAllText(Path.Combine(outputDirectory, FileName), cli);
    }
}
