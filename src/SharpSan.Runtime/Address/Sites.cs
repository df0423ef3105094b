namespace SharpSan.Runtime.Address;

/// <summary>
/// The <c>site</c> argument of a check: the IL offset of the access, plus a flag the rewriter sets when the
/// address is a GC-tracked reference (ldelema, a <c>ref</c> parameter) rather than a raw pointer. A reference
/// follows its object when the GC moves it, so it cannot be a use-after-unpin.
/// </summary>
internal static class Sites
{
    /// <summary>Must match SharpSan.Instrumentation's MethodContext.ThroughReferenceFlag.</summary>
    public const int ThroughReferenceFlag = 1 << 30;

    public static bool IsThroughReference(int site) => (site & ThroughReferenceFlag) != 0;

    public static int Offset(int site) => site & ~ThroughReferenceFlag;
}
