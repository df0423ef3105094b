using System.Reflection;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Common.Testing;

/// <summary>
/// Which test, if any, the current thread is running: the innermost instrumented frame whose method carries a test
/// attribute of xunit (Fact, Theory), NUnit (Test, TestCase, TestCaseSource, Theory) or MSTest (TestMethod,
/// DataTestMethod), matched by the attribute's name or a base type's, so custom attributes deriving from them count.
/// The async state machine of a test (<c>&lt;Name&gt;d__N.MoveNext</c>) counts as the test. Runs only on the report path.
/// </summary>
public static class TestAttribution
{
    static readonly HashSet<string> s_testAttributes =
    [
        "FactAttribute", "TheoryAttribute",                                   // xunit
        "TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute",      // NUnit (Theory above)
        "TestMethodAttribute", "DataTestMethodAttribute",                     // MSTest
    ];

    static readonly Dictionary<int, string?> s_byFrameKey = [];

    /// <summary>"Namespace.Class.Method" of the test running on this thread, or null outside any test.</summary>
    /// <remarks>The innermost test frame wins: anything below it is left over from an earlier test.</remarks>
    public static string? CurrentTest()
    {
        Span<long> frames = stackalloc long[256];
        int n = ShadowStack.Capture(frames);
        for (int i = 0; i < n; i++)
        {
            var frame = StackFrame.Unpack(frames[i]);
            if (frame.FrameKey == StackFrame.SyntheticKey) continue;
            if (TestOf(frame) is { } test) return test;
        }
        return null;
    }

    static string? TestOf(StackFrame frame)
    {
        lock (s_byFrameKey)
        {
            if (s_byFrameKey.TryGetValue(frame.FrameKey, out var known)) return known;
        }
        string? test = null;
        try
        {
            var method = ModuleRegistry.Get(frame.ModuleId)?.ResolveMethod(0x06000000 | frame.MethodRid);
            if (method is not null) test = TestName(KickoffOf(method) ?? method);
        }
        catch (Exception e) when (e is ArgumentException or TypeLoadException or BadImageFormatException or FileNotFoundException)
        {
            // An unresolvable frame is not a test.
        }
        lock (s_byFrameKey) s_byFrameKey[frame.FrameKey] = test;
        return test;
    }

    /// <summary>For <c>&lt;Name&gt;d__N.MoveNext</c>, the method named Name in the enclosing type.</summary>
    static MethodBase? KickoffOf(MethodBase method)
    {
        var machine = method.DeclaringType;
        if (method.Name != "MoveNext" || machine?.DeclaringType is not { } owner || !machine.Name.StartsWith('<')) return null;
        int close = machine.Name.IndexOf('>');
        if (close <= 1) return null;
        string name = machine.Name[1..close];
        return owner.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .FirstOrDefault(m => m.Name == name && IsTest(m));
    }

    static string? TestName(MethodBase method) =>
        IsTest(method) ? $"{method.DeclaringType?.FullName?.Replace('+', '.')}.{method.Name}" : null;

    static bool IsTest(MethodBase method)
    {
        foreach (var attribute in method.GetCustomAttributesData())
            for (var type = attribute.AttributeType; type is not null && type != typeof(Attribute); type = type.BaseType)
                if (s_testAttributes.Contains(type.Name)) return true;
        return false;
    }
}
