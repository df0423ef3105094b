using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// ThreadSanitizer for non-thread-safe collections (TSVD's contract): before each call to a reading or writing member
/// of Dictionary, List, HashSet, Queue, Stack, SortedDictionary, SortedList or LinkedList in checked code, a call to
/// RaceChecks.CollectionRead/CollectionWrite(receiver, member name, site). Which members read and which write comes
/// from the runtime's one table, the [CollectionContract] attributes on SharpSan.Runtime.Races.Collections.CollectionContract.
/// Calls through collection interfaces ([CollectionInterface] rows: IDictionary, IList, ISet, …) get a call to
/// InterfaceCalls.Read/Write instead, which checks only when the receiver's runtime type is one of those collections.
/// </summary>
public sealed class CollectionCallPass : IInstrumentationPass
{
    const string Checks = "SharpSan.Runtime.Races.RaceChecks";
    const string ContractType = "SharpSan.Runtime.Races.Collections.CollectionContract";
    const string InterfaceChecks = "SharpSan.Runtime.Races.Collections.InterfaceCalls";

    /// <summary>Collection type (Cecil full name of the open type) → member name → true when it writes.</summary>
    Dictionary<string, Dictionary<string, bool>>? _contract;

    /// <summary>The same for collection interfaces, whose calls are checked after a runtime type test.</summary>
    Dictionary<string, Dictionary<string, bool>>? _interfaces;

    public string Name => "collection-calls";

    public static Dictionary<string, Dictionary<string, bool>> ReadContract(ModuleDefinition runtime, string attributeName = "CollectionContractAttribute")
    {
        var table = new Dictionary<string, Dictionary<string, bool>>();
        var type = runtime.GetType(ContractType);
        if (type is null) return table;
        foreach (var attribute in type.CustomAttributes.Where(a => a.AttributeType.Name == attributeName))
        {
            var members = new Dictionary<string, bool>();
            foreach (var name in ((string)attribute.ConstructorArguments[1].Value).Split(' ', StringSplitOptions.RemoveEmptyEntries)) members[name] = false;
            foreach (var name in ((string)attribute.ConstructorArguments[2].Value).Split(' ', StringSplitOptions.RemoveEmptyEntries)) members[name] = true;
            table[(string)attribute.ConstructorArguments[0].Value] = members;
        }
        return table;
    }

    public void Prepare(IReadOnlyList<MethodContext> methods)
    {
        if (methods.Count == 0) return;
        _contract = ReadContract(methods[0].Module.Runtime.Module);
        _interfaces = ReadContract(methods[0].Module.Runtime.Module, "CollectionInterfaceAttribute");
    }

    public void Run(MethodContext ctx)
    {
        if (_contract is null || _contract.Count == 0 || IsExempt(ctx.Method)) return;
        // Calls on a collection this method created and nobody else can see yet (RaceAccessPass found them on the original IL).
        var unpublished = UnpublishedObjects.Found(ctx.Method).Accesses;
        foreach (var instruction in ctx.Method.Body.Instructions.ToArray())
        {
            if (instruction.OpCode.Code is not (Code.Call or Code.Callvirt) || ctx.Editor.Inserted.Contains(instruction) || unpublished.Contains(instruction)) continue;
            if (instruction.Operand is not MethodReference { HasThis: true } method || method is GenericInstanceMethod) continue;
            if (instruction.Previous is { OpCode.Code: Code.Constrained or Code.Tail }) continue;
            string type = method.DeclaringType.GetElementType().FullName;
            if (_contract.TryGetValue(type, out var members))
            {
                if (members.TryGetValue(method.Name, out bool write))
                    Instrument(ctx, instruction, method, ctx.Module.Entry(Checks, write ? "CollectionWrite" : "CollectionRead"));
            }
            else if (_interfaces!.TryGetValue(type, out members) && members.TryGetValue(method.Name, out bool write))
            {
                Instrument(ctx, instruction, method, ctx.Module.Entry(InterfaceChecks, write ? "Write" : "Read"));
            }
        }
    }

    static bool IsExempt(MethodDefinition method)
    {
        if (RaceShadowFields.HasAttribute(method.CustomAttributes, "NoSanitizeAttribute")) return true;
        for (var type = method.DeclaringType; type is not null; type = type.DeclaringType)
            if (RaceShadowFields.HasAttribute(type.CustomAttributes, "NoSanitizeAttribute")) return true;
        return false;
    }

    static void Instrument(MethodContext ctx, Instruction call, MethodReference method, MethodReference check)
    {
        var arguments = method.DeclaringType is GenericInstanceType g ? g.GenericArguments : null;
        var temps = new List<VariableDefinition>();
        foreach (var parameter in method.Parameters)
        {
            var type = arguments is null ? parameter.ParameterType : GenericSubstitution.Apply(parameter.ParameterType, arguments);
            if (type.ContainsGenericParameter && type is GenericParameter { Type: GenericParameterType.Method }) return;
            var temp = new VariableDefinition(ctx.Method.Module.ImportReference(type));
            ctx.Method.Body.Variables.Add(temp);
            temps.Add(temp);
        }
        var code = new List<Instruction>();
        for (int i = temps.Count - 1; i >= 0; i--) code.Add(Instruction.Create(OpCodes.Stloc, temps[i]));
        code.Add(Instruction.Create(OpCodes.Dup));
        code.Add(Instruction.Create(OpCodes.Ldstr, method.Name));
        code.Add(ctx.SiteOf(call));
        code.Add(Instruction.Create(OpCodes.Call, check));
        foreach (var temp in temps) code.Add(Instruction.Create(OpCodes.Ldloc, temp));
        var moved = ctx.Editor.InsertBefore(call, code);
        ctx.Retarget(call, moved);
        ctx.Checks++;
        ctx.Changed = true;
    }
}
