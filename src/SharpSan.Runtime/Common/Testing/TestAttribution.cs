using System.Reflection;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Common.Testing;

/// <summary>
/// Which test, if any, the current thread is running: the innermost instrumented frame whose method carries a test
/// attribute of xunit (Fact, Theory), NUnit (Test, TestCase, TestCaseSource, Theory) or MSTest (TestMethod,
/// DataTestMethod), matched by the attribute's name or a base type's, so custom attributes deriving from them count.
/// The async state machine of a test (<c>&lt;Name&gt;d__N.MoveNext</c>) counts as the test. Runs only on the report path.
/// <para>
/// Also remembers the tests a finding failed (fail_tests): the leak checker does not report what they allocated,
/// since the exception skipped their own cleanup.
/// </para>
/// </summary>
public static class TestAttribution
{
    static readonly HashSet<string> s_testAttributes =
    [
        "FactAttribute", "TheoryAttribute",                                   // xunit
        "TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute",      // NUnit (Theory above)
        "TestMethodAttribute", "DataTestMethodAttribute",                     // MSTest
    ];

    sealed record TestMethod(string Name, MethodBase Method);

    static readonly Dictionary<int, TestMethod?> s_byFrameKey = [];
    static readonly HashSet<string> s_failedByFinding = [];

    /// <summary>"Namespace.Class.Method" of the test running on this thread, or null outside any test.</summary>
    /// <remarks>
    /// The innermost test frame of the shadow stack wins: anything below it is left over from an earlier test. A
    /// test whose exception escaped into its framework leaves its frame behind on that thread's shadow stack, so the
    /// frame counts only while the test is also on the thread's real stack: a finding raised later on that thread
    /// (a timer callback, a fixture clean-up) is outside any test, and never thrown into code that cannot expect it.
    /// </remarks>
    public static string? CurrentTest()
    {
        try
        {
            InternalErrors.Inject(CurrentTestSite);
            return CurrentTestChecked();
        }
        catch (Exception e) when (InternalErrors.Contain(CurrentTestSite, e))
        {
            return null;   // outside any test: never thrown into code that cannot expect it
        }
    }

    const string CurrentTestSite = "TestAttribution.CurrentTest";

    static string? CurrentTestChecked()
    {
        Span<long> frames = stackalloc long[256];
        int n = ShadowStack.Capture(frames);
        for (int i = 0; i < n; i++)
        {
            var frame = StackFrame.Unpack(frames[i]);
            if (frame.FrameKey == StackFrame.SyntheticKey) continue;
            if (TestOf(frame) is { } test) return IsOnThisThreadsStack(test.Method) ? test.Name : null;
        }
        return null;
    }

    [ThreadStatic] static string? t_delegatedTest;
    static readonly Dictionary<string, string> s_pending = [];
    static volatile int s_pendingCount;

    /// <summary>
    /// The test on whose behalf this thread works (it was started, or its work item queued, by that test), set by
    /// ThreadSanitizer's thread and work-item wrappers; findings on the thread belong to that test.
    /// </summary>
    public static string? DelegatedTest
    {
        get => t_delegatedTest;
        set => t_delegatedTest = value;
    }

    /// <summary>True when findings are tied to tests at all (fail_tests or results_dir): only then is the test looked up.</summary>
    public static bool Enabled => SanitizerRuntime.Options.FailTests || SanitizerRuntime.Options.ResultsDir.Length > 0;

    /// <summary>A finding on a thread working for <paramref name="test"/>: the test fails when it next waits for its workers.</summary>
    public static void AddPendingFailure(string test, string report)
    {
        lock (s_pending)
        {
            s_pending.TryAdd(test, report);
            s_pendingCount = s_pending.Count;
        }
    }

    /// <summary>Called after a test thread waited for its workers (Join, Wait, await): throws the finding a worker raised for it.</summary>
    public static void ThrowPendingFailure()
    {
        if (s_pendingCount == 0 || CurrentTest() is not { } test) return;
        string? report;
        lock (s_pending)
        {
            if (!s_pending.Remove(test, out report)) return;
            s_pendingCount = s_pending.Count;
        }
        throw new SanitizerFindingException(report, test);
    }

    /// <summary>Records that a finding failed <paramref name="test"/> (its remaining code, clean-up included, did not run).</summary>
    public static void FailedByFinding(string test)
    {
        lock (s_failedByFinding) s_failedByFinding.Add(test);
    }

    /// <summary>True when a frame of the stack (an allocation's) belongs to a test that a finding failed.</summary>
    public static bool InTestFailedByFinding(ReadOnlySpan<long> stack)
    {
        lock (s_failedByFinding)
            if (s_failedByFinding.Count == 0) return false;
        foreach (long packed in stack)
        {
            var frame = StackFrame.Unpack(packed);
            if (frame.FrameKey == StackFrame.SyntheticKey || TestOf(frame) is not { } test) continue;
            lock (s_failedByFinding)
                if (s_failedByFinding.Contains(test.Name)) return true;
        }
        return false;
    }

    static TestMethod? TestOf(StackFrame frame)
    {
        lock (s_byFrameKey)
        {
            if (s_byFrameKey.TryGetValue(frame.FrameKey, out var known)) return known;
        }
        TestMethod? test = null;
        try
        {
            var method = ModuleRegistry.Get(frame.ModuleId)?.ResolveMethod(0x06000000 | frame.MethodRid);
            if (method is not null && (KickoffOf(method) ?? method) is var candidate && IsTest(candidate))
                test = new TestMethod($"{candidate.DeclaringType?.FullName?.Replace('+', '.')}.{candidate.Name}", candidate);
        }
        catch (Exception e) when (e is ArgumentException or TypeLoadException or BadImageFormatException or FileNotFoundException)
        {
            // An unresolvable frame is not a test.
        }
        lock (s_byFrameKey) s_byFrameKey[frame.FrameKey] = test;
        return test;
    }

    static bool IsOnThisThreadsStack(MethodBase test)
    {
        foreach (var frame in new System.Diagnostics.StackTrace(1, fNeedFileInfo: false).GetFrames())
            if (frame.GetMethod() is { } method && (Same(method, test) || KickoffOf(method) is { } kickoff && Same(kickoff, test)))
                return true;
        return false;
    }

    static bool Same(MethodBase a, MethodBase b) => TokenOf(a) is int token && token == TokenOf(b) && a.Module == b.Module;

    /// <summary>
    /// The method's metadata token, or null for a method made at run time (reflection's InvokeStub_* that calls a
    /// test class's constructor, DynamicMethod, expression trees): asking those for a token throws.
    /// </summary>
    static int? TokenOf(MethodBase method)
    {
        if (method is System.Reflection.Emit.DynamicMethod || method.DeclaringType is null) return null;
        try { return method.MetadataToken; }
        catch (InvalidOperationException) { return null; }
    }

    /// <summary>For <c>&lt;Name&gt;d__N.MoveNext</c>, the method named Name in the enclosing type.</summary>
    static MethodBase? KickoffOf(MethodBase method)
    {
        var machine = method.DeclaringType;
        if (method.Name != "MoveNext" || machine?.DeclaringType is not { } owner || !machine.Name.StartsWith('<')) return null;
        int close = machine.Name.IndexOf('>');
        if (close <= 1) return null;
        string name = machine.Name[1..close];
        MethodInfo[] candidates;
        try { candidates = owner.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic); }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or BadImageFormatException) { return null; }
        return candidates.FirstOrDefault(m => m.Name == name && IsTest(m));
    }

    /// <summary>False for whatever cannot say (a method made at run time, attributes from an assembly that does not load).</summary>
    static bool IsTest(MethodBase method)
    {
        if (method.DeclaringType is null) return false;
        IList<CustomAttributeData> attributes;
        try { attributes = method.GetCustomAttributesData(); }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or TypeLoadException or FileNotFoundException or BadImageFormatException) { return false; }
        foreach (var attribute in attributes)
            for (var type = attribute.AttributeType; type is not null && type != typeof(Attribute); type = type.BaseType)
                if (s_testAttributes.Contains(type.Name)) return true;
        return false;
    }
}
