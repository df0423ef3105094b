using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Fields of lambda closures (the compiler's <c>&lt;&gt;c__DisplayClass</c> classes) that are written exactly once, right
/// after the closure object is created and before any delegate over it exists: the captured parameter or local that
/// is never assigned again. No other thread can see the closure before a delegate is made from it, so these fields
/// are in effect read-only, like <c>readonly</c> fields, and need neither a shadow nor checks. Every worker of a
/// Parallel.For reads them in each iteration; as read-shared variables they would otherwise cost a shared read clock.
/// </summary>
/// <remarks>
/// A captured variable assigned again (in the method, in a lambda, or in a loop around the closure's creation), or
/// whose address is taken, has more than one store or a store that does not follow the creation in the same block,
/// and stays checked.
/// </remarks>
public static class CapturedOnce
{
    public static HashSet<FieldDefinition> Find(ModuleDefinition module)
    {
        var stores = new Dictionary<FieldDefinition, List<(MethodDefinition Method, Instruction Store)>>();
        var addressTaken = new HashSet<FieldDefinition>();
        foreach (var type in Il.ModuleTypes.All(module))
            foreach (var method in type.Methods.Where(m => m.HasBody))
                foreach (var i in method.Body.Instructions)
                {
                    if (i.OpCode.Code is not (Code.Stfld or Code.Ldflda) || ((FieldReference)i.Operand).TryResolve() is not { } field || !IsClosure(field.DeclaringType))
                        continue;
                    if (i.OpCode.Code == Code.Ldflda) addressTaken.Add(field);
                    else (stores.TryGetValue(field, out var list) ? list : stores[field] = []).Add((method, i));
                }
        var once = new HashSet<FieldDefinition>();
        foreach (var (field, list) in stores)
            if (list.Count == 1 && !addressTaken.Contains(field) && FollowsCreation(list[0].Method, list[0].Store, field.DeclaringType))
                once.Add(field);
        return once;
    }

    static bool IsClosure(TypeDefinition type) =>
        type.IsClass && !type.IsValueType && type.Name.StartsWith("<>c__DisplayClass", StringComparison.Ordinal)
        && type.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");

    /// <summary>
    /// The store is in the same basic block as a preceding <c>newobj</c> of the closure, with no delegate creation
    /// (ldftn/ldvirtftn) in between: the object is still private to this thread when the field is written.
    /// </summary>
    static bool FollowsCreation(MethodDefinition method, Instruction store, TypeDefinition closure)
    {
        var blockStarts = Il.ModuleTypes.BlockStarts(method.Body);
        for (var i = store; i is not null; i = i.Previous)
        {
            if (i != store && (i.OpCode.Code is Code.Ldftn or Code.Ldvirtftn)) return false;
            if (i.OpCode.Code == Code.Newobj && i.Operand is MethodReference ctor && ctor.DeclaringType.TryResolve() == closure) return true;
            if (blockStarts.Contains(i) || i != store && i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch) return false;
        }
        return false;
    }
}
