using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Tests.Support;

/// <summary>
/// The test host is not an instrumented application. Tests that go through the interceptors initialise the
/// process-wide runtime, which by default halts the process on the first report and runs LeakSanitizer at
/// exit; either would kill the test host and lose every result. Tests that care assert on
/// <see cref="SanitizerRuntime.ReportCount"/> instead.
/// </summary>
static class TestProcessSetup
{
#pragma warning disable CA2255 // A test assembly is the one place a module initializer is the right tool.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Configure()
    {
        if (Environment.GetEnvironmentVariable("SHARPSAN_OPTIONS") is null)
            Environment.SetEnvironmentVariable("SHARPSAN_OPTIONS", "halt_on_error=0:detect_leaks=0");
    }
}
