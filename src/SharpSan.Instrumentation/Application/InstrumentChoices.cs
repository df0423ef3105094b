using SharpSan.Runtime.Common.Options;

namespace SharpSan.Instrumentation.Application;

/// <summary>
/// What SHARPSAN_OPTIONS decides when instrumenting, as clang decides it from flags at compile time: whether checks
/// can continue after a report (halt_on_error=0 or suppressions, -fsanitize-recover) and whether SGCheck's binding
/// code is emitted at all (sgcheck_heuristic).
/// </summary>
public readonly record struct InstrumentChoices(bool Recover, bool Heuristic)
{
    public static InstrumentChoices From(SanitizerOptions options) =>
        new(!options.HaltOnError || options.Suppressions.Length > 0, options.GetBool("sgcheck_heuristic"));
}
