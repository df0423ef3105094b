namespace SharpSan.Runtime;

/// <summary>
/// Thrown on the thread of a running test that raised a finding (option fail_tests, set by `sharpsan test`), so the
/// test framework fails that test with the report as its message.
/// </summary>
public sealed class SanitizerFindingException(string report, string test) : Exception(report)
{
    public string Test { get; } = test;
}
