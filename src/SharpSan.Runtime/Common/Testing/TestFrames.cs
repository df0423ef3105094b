using System.Reflection;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Common.Testing;

/// <summary>A test method as found on a stack: its method and "Namespace.DeclaringClass.Method".</summary>
internal sealed record TestMethod(string DeclaredName, MethodBase Method);

/// <summary>
/// Tells test methods among stack frames: methods carrying a test attribute of xunit (Fact, Theory), NUnit (Test,
/// TestCase, TestCaseSource, Theory) or MSTest (TestMethod, DataTestMethod), matched by the attribute's name or a base
/// type's, so custom attributes deriving from them count; the async state machine of a test
/// (<c>&lt;Name&gt;d__N.MoveNext</c>) counts as the test. Names a test as its runner does: by the class it ran for (an
/// inherited test is the derived class's), which test frames record (<see cref="ShadowStack.EnterTest"/>). Never throws
/// for a method made at run time (reflection's InvokeStub_*, DynamicMethod, expression trees): those have no metadata.
/// </summary>
internal static class TestFrames
{
    static readonly HashSet<string> s_testAttributes =
    [
        "FactAttribute", "TheoryAttribute",                                   // xunit
        "TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute",      // NUnit (Theory above)
        "TestMethodAttribute", "DataTestMethodAttribute",                     // MSTest
    ];

    static readonly Dictionary<int, TestMethod?> s_byFrameKey = [];

    /// <summary>The test method of an instrumented frame, or null (cached per method).</summary>
    public static TestMethod? TestOf(StackFrame frame)
    {
        if (frame.FrameKey == StackFrame.SyntheticKey) return null;
        lock (s_byFrameKey)
        {
            if (s_byFrameKey.TryGetValue(frame.FrameKey, out var known)) return known;
        }
        TestMethod? test = null;
        try
        {
            var method = ModuleRegistry.Get(frame.ModuleId)?.ResolveMethod(0x06000000 | frame.MethodRid);
            if (method is not null && (KickoffOf(method) ?? method) is var candidate && IsTest(candidate))
                test = new TestMethod($"{NameOf(candidate.DeclaringType!)}.{candidate.Name}", candidate);
        }
        catch (Exception e) when (e is ArgumentException or TypeLoadException or BadImageFormatException or FileNotFoundException)
        {
            // An unresolvable frame is not a test.
        }
        lock (s_byFrameKey) s_byFrameKey[frame.FrameKey] = test;
        return test;
    }

    /// <summary>
    /// "Namespace.Class.Method" as the runner names the test: the class recorded in the test's frame when it is the
    /// declaring class or derives from it (an inherited test), else the declaring class.
    /// </summary>
    public static string RunnerName(TestMethod test, int classId)
    {
        var declaring = test.Method.DeclaringType!;
        return ClassOf(classId) is { } runtime && runtime != declaring && declaring.IsAssignableFrom(runtime)
            ? $"{NameOf(runtime)}.{test.Method.Name}"
            : test.DeclaredName;
    }

    static readonly List<Type> s_classes = [];
    static readonly Dictionary<Type, int> s_classIds = [];

    /// <summary>A small number for the runtime type of a test class instance (0: none), kept in a test frame's spare slot.</summary>
    public static int ClassIdOf(object? instance)
    {
        if (instance is null) return 0;
        var type = instance.GetType();
        lock (s_classes)
        {
            if (!s_classIds.TryGetValue(type, out int id))
            {
                s_classes.Add(type);
                s_classIds[type] = id = s_classes.Count;
            }
            return id;
        }
    }

    static Type? ClassOf(int id)
    {
        lock (s_classes) return id >= 1 && id <= s_classes.Count ? s_classes[id - 1] : null;
    }

    /// <summary>Namespace.Outer.Inner, as test runners print a class (nested types joined by dots).</summary>
    static string NameOf(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    /// <summary>The method of an instrumented frame, or null when it cannot be resolved.</summary>
    public static MethodBase? MethodOf(int frameKey)
    {
        var frame = new StackFrame(frameKey, 0);
        try { return ModuleRegistry.Get(frame.ModuleId)?.ResolveMethod(0x06000000 | frame.MethodRid); }
        catch (Exception e) when (e is ArgumentException or TypeLoadException or BadImageFormatException or FileNotFoundException) { return null; }
    }

    /// <summary>
    /// "Namespace.Class.Method" of the outermost test method on this thread's real stack, or null: for code that keeps
    /// no shadow stack (guard mode) and for rare events where a stack walk is affordable (a child process starting).
    /// </summary>
    public static string? OutermostTestOnRealStack()
    {
        string? outermost = null;
        foreach (var frame in new System.Diagnostics.StackTrace(1, fNeedFileInfo: false).GetFrames())
            if (frame.GetMethod() is { } method && TestNameOf(method) is { } test)
                outermost = test;
        return outermost;
    }

    /// <summary>"Namespace.Class.Method" when the method is a test (or a test's async state machine), else null.</summary>
    public static string? TestNameOf(MethodBase method) =>
        (KickoffOf(method) ?? method) is var candidate && IsTest(candidate) ? $"{NameOf(candidate.DeclaringType!)}.{candidate.Name}" : null;

    /// <summary>The methods on this thread's real stack (what a shadow frame left behind by an exception is not).</summary>
    public sealed class RealStack
    {
        readonly MethodBase[] _methods;

        RealStack(MethodBase[] methods) => _methods = methods;

        public static RealStack OfThisThread() =>
            new(new System.Diagnostics.StackTrace(1, fNeedFileInfo: false).GetFrames().Select(f => f.GetMethod()).OfType<MethodBase>().ToArray());

        /// <summary>True while <paramref name="method"/> (or, for a test, its async state machine) is on the stack.</summary>
        public bool Holds(MethodBase method)
        {
            foreach (var m in _methods)
                if (Same(m, method) || KickoffOf(m) is { } kickoff && Same(kickoff, method)) return true;
            return false;
        }
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
