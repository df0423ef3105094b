using Mono.Cecil;
using Mono.Cecil.Cil;

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

    /// <summary>True for the test method itself; false for its async state machine's MoveNext (a resumption).</summary>
    public static bool IsStart(MethodDefinition method) => HasTestAttribute(method);

    /// <summary>
    /// Code that pushes the test class instance the test runs on (an inherited test runs on the derived class), or null:
    /// <c>this</c> of an instance test method, the state machine's <c>&lt;&gt;4__this</c> in MoveNext (absent when the async
    /// body never uses <c>this</c>: then null, and the runtime names the declaring class).
    /// </summary>
    public static IReadOnlyList<Instruction> LoadTestInstance(MethodDefinition method)
    {
        if (HasTestAttribute(method))
            return method.HasThis && !method.DeclaringType.IsValueType ? [Instruction.Create(OpCodes.Ldarg_0)] : [Instruction.Create(OpCodes.Ldnull)];
        var machine = method.DeclaringType;
        var field = machine.Fields.FirstOrDefault(f => f.Name == "<>4__this" && !f.IsStatic);
        if (field is null || !method.HasThis || field.FieldType.IsValueType) return [Instruction.Create(OpCodes.Ldnull)];
        FieldReference reference = field;
        if (machine.HasGenericParameters)
        {
            // The machine of a test in a generic class is generic itself: the field is read on its own instantiation.
            var self = new GenericInstanceType(machine);
            foreach (var parameter in machine.GenericParameters) self.GenericArguments.Add(parameter);
            reference = new FieldReference(field.Name, field.FieldType, self);
        }
        return [Instruction.Create(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldfld, reference)];
    }

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
