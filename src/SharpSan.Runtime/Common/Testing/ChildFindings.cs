using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SharpSan.Runtime.Common.Testing;

/// <summary>
/// Findings of child processes on behalf of a test. The test's process names the test in the child's environment; the
/// child (and its own children, which inherit it) write their findings into the shared results folder as pending for
/// that test (`parentTest`); when the test waits for a child's exit, this charges them to it (a copy of each finding
/// naming the test and the file it charges) and fails it with the first. A test that never waits is charged the
/// findings its children wrote by the time it ends (<see cref="AtTestEnd"/> when a synchronous test returns,
/// <see cref="AtEndOf"/> when an async test's task completes: the common "read the child's output to its end" test); a
/// finding written after its test ended stays outside tests, the results naming the test that started the child.
/// </summary>
public static class ChildFindings
{
    /// <summary>The variable that carries the name of the test that started a process.</summary>
    public const string ParentTestVariable = "SHARPSAN_PARENT_TEST";

    const string MarkSite = "ChildFindings.Mark", ChargeSite = "ChildFindings.Charge";

    static readonly Lazy<string?> s_parentTest = new(() => Environment.GetEnvironmentVariable(ParentTestVariable) is { Length: > 0 } test ? test : null);

    /// <summary>The test that started this process (or an ancestor of it), or null.</summary>
    public static string? ParentTestOfThisProcess => s_parentTest.Value;

    /// <summary>Finding files already charged to a test by this process.</summary>
    static readonly HashSet<string> s_charged = [];

    /// <summary>Tests that started a child and have not ended yet.</summary>
    static readonly HashSet<string> s_testsWithChildren = [];
    static int s_testsWithChildrenCount;

    /// <summary>
    /// Names the running test in a child's environment. Shell-executed children too, except on Windows (where
    /// ShellExecuteEx takes no environment and .NET refuses one): on Unix, .NET runs an executable file directly with
    /// the start info's environment and opens any other file with xdg-open, which is no .NET program.
    /// </summary>
    public static void MarkParentTest(ProcessStartInfo startInfo)
    {
        try
        {
            InternalErrors.Inject(MarkSite);
            if ((startInfo.UseShellExecute && OperatingSystem.IsWindows()) || !TestAttribution.Enabled) return;
            if (RunningTest() is not { } test) return;
            startInfo.Environment[ParentTestVariable] = test;
            lock (s_testsWithChildren)
            {
                s_testsWithChildren.Add(test);
                s_testsWithChildrenCount = s_testsWithChildren.Count;
            }
        }
        catch (Exception e) when (InternalErrors.Contain(MarkSite, e))
        {
            // The child runs; its findings stay outside tests.
        }
    }

    /// <summary>The test about to wait for a child, or null when there is no test or nothing to charge.</summary>
    public static string? WaitingTest()
    {
        try
        {
            InternalErrors.Inject(MarkSite);
            return TestAttribution.Enabled && SanitizerRuntime.Findings is not null ? RunningTest() : null;
        }
        catch (Exception e) when (InternalErrors.Contain(MarkSite, e))
        {
            return null;
        }
    }

    /// <summary>
    /// At the return of a synchronous test method (TestEndPass; before the test's shadow frame is popped): a test
    /// that started children is charged the findings they wrote for it, waited for or not, and fails with the first.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void AtTestEnd()
    {
        if (Volatile.Read(ref s_testsWithChildrenCount) != 0) AtEndOfTestWithChildren();
    }

    static void AtEndOfTestWithChildren()
    {
        string? test;
        try
        {
            InternalErrors.Inject(ChargeSite);
            test = RunningTest();
        }
        catch (Exception e) when (InternalErrors.Contain(ChargeSite, e))
        {
            return;
        }
        if (test is not null) AtEndOf(test);
    }

    /// <summary>
    /// When an async test's task completes (TestEnd; no stack holds the test any more, so it comes by name): as
    /// <see cref="AtTestEnd"/>.
    /// </summary>
    public static void AtEndOf(string test)
    {
        if (Volatile.Read(ref s_testsWithChildrenCount) == 0) return;
        try
        {
            InternalErrors.Inject(ChargeSite);
            lock (s_testsWithChildren)
            {
                if (!s_testsWithChildren.Remove(test)) return;
                s_testsWithChildrenCount = s_testsWithChildren.Count;
            }
        }
        catch (Exception e) when (InternalErrors.Contain(ChargeSite, e))
        {
            return;
        }
        ThrowForTest(test);
    }

    /// <summary>
    /// After <paramref name="test"/> waited for a child: charges the findings its children raised for it and, under
    /// fail_tests, fails it with the first (on the test's own thread, where the wait returns).
    /// </summary>
    public static void ThrowForTest(string? test)
    {
        if (test is null) return;
        string? first;
        try
        {
            InternalErrors.Inject(ChargeSite);
            first = Charge(test);
        }
        catch (Exception e) when (InternalErrors.Contain(ChargeSite, e))
        {
            return;
        }
        if (first is null || !SanitizerRuntime.Options.FailTests) return;
        TestAttribution.FailedByFinding(test);
        throw new SanitizerFindingException(first, test);
    }

    /// <summary>The report of the first finding charged, or null when there was none.</summary>
    static string? Charge(string test)
    {
        if (SanitizerRuntime.Findings is not { } findings || !Directory.Exists(findings.Folder)) return null;
        string own = $"finding-{SanitizerRuntime.Pid}-";
        string? first = null;
        foreach (var file in Directory.EnumerateFiles(findings.Folder, "finding-*.json").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            if (name.StartsWith(own, StringComparison.Ordinal)) continue;
            lock (s_charged)
                if (s_charged.Contains(name)) continue;
            if (ReadOccurrence(file) is not { } occurrence || (string?)occurrence["parentTest"] != test) continue;
            lock (s_charged)
                if (!s_charged.Add(name)) continue;
            first ??= (string?)occurrence["report"];
            occurrence.Remove("parentTest");
            occurrence.Remove("pendingTest");
            occurrence["test"] = test;
            occurrence["duplicate"] = true;
            occurrence["charges"] = name;
            findings.WriteCopy(occurrence);
        }
        return first;
    }

    static JsonObject? ReadOccurrence(string file)
    {
        try { return JsonNode.Parse(File.ReadAllText(file)) as JsonObject; }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The test running on this thread, or the one it works for; from the real stack where no shadow stack is kept.</summary>
    static string? RunningTest() => TestAttribution.CurrentTest() ?? TestAttribution.DelegatedTest ?? TestFrames.OutermostTestOnRealStack();
}
