using Mono.Cecil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// Test methods of xunit, NUnit and MSTest, recognised by attribute name (or a base attribute's name, so custom
/// attributes deriving from Fact or TestMethod count), and the async state machines of such methods. A test framework
/// calls them from uninstrumented code, so nothing instrumented is legitimately below them on the shadow stack.
/// (SharpSan.Runtime's TestAttribution keeps the same list.)
/// </summary>
public static class TestMethods
{
    static readonly HashSet<string> s_attributes =
    [
        "FactAttribute", "TheoryAttribute", "TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute",
        "TestMethodAttribute", "DataTestMethodAttribute",
    ];

    public static bool IsTest(MethodDefinition method) => HasTestAttribute(method) || KickoffOf(method) is { } kickoff && HasTestAttribute(kickoff);

    static bool HasTestAttribute(MethodDefinition method) => method.HasCustomAttributes && method.CustomAttributes.Any(a => IsTestAttribute(a.AttributeType));

    static bool IsTestAttribute(TypeReference type)
    {
        for (int depth = 0; type is not null && depth < 8; depth++)
        {
            if (s_attributes.Contains(type.Name)) return true;
            try { type = type.Resolve()?.BaseType!; }
            catch (AssemblyResolutionException) { return false; }
        }
        return false;
    }

    /// <summary>For <c>&lt;Name&gt;d__N.MoveNext</c>, the method named Name of the enclosing type.</summary>
    static MethodDefinition? KickoffOf(MethodDefinition method)
    {
        var machine = method.DeclaringType;
        if (method.Name != "MoveNext" || machine.DeclaringType is not { } owner || !machine.Name.StartsWith('<')) return null;
        int close = machine.Name.IndexOf('>');
        return close > 1 ? owner.Methods.FirstOrDefault(m => m.Name == machine.Name[1..close]) : null;
    }
}
