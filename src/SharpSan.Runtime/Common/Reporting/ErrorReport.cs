namespace SharpSan.Runtime.Common.Reporting;

/// <summary>
/// One kind of finding. Each knows how to print itself (compiler-rt's asan_errors.h), so the reporting
/// path never switches over kinds.
/// </summary>
public abstract class ErrorReport
{
    /// <summary>"AddressSanitizer", "LeakSanitizer", "ThreadSanitizer", …</summary>
    public abstract string Tool { get; }

    /// <summary>The kind as it appears in SUMMARY and in results files: heap-buffer-overflow, double-free, …</summary>
    public abstract string Kind { get; }

    /// <summary>Two reports with the same key are the same bug; with halt_on_error=0 only the first is printed.</summary>
    public abstract string DeduplicationKey { get; }

    /// <summary>Exit code used when this report is printed and `exitcode` is not set.</summary>
    public virtual int DefaultExitCode => 1;

    /// <summary>The line printed before the report (ASan's long rule; TSan's short one).</summary>
    public virtual string SeparatorLine => "=================================================================";

    /// <summary>
    /// True for a report raised from inside native code (the system AddressSanitizer's callback), where the runtime
    /// neither halts nor throws: that tool ends the process itself once the report is made, or, when it recovers
    /// (`sharpsan test`), the test fails as the native call returns to checked code (<see cref="NativeAsan.NativeCallFailures"/>).
    /// </summary>
    public virtual bool RaisedInNativeCode => false;

    public abstract void Print(ReportBuilder report);
}
