using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Memory;

/// <summary>
/// Struct locals that carry a shadow: a local of an unmanaged struct type that some <c>ldobj</c> fills straight from
/// memory (<c>T local = *p;</c>). Its shadow lives in a companion local of the same type (one shadow byte per byte) with
/// one origin (a local loaded from a struct field of an object with a shadow companion, <see cref="FieldShadows"/>, too);
/// <c>local.F</c> reads the field's shadow from the companion, <c>*q = local</c> and <c>other = local</c> copy it.
/// Any other use of the local's address (a call, a field store) takes it as defined from then on, so a write SharpSan
/// cannot see is never turned into a report.
/// </summary>
public sealed class StructLocals
{
    public static readonly StructLocals None = new([]);

    readonly HashSet<int> _locals;

    StructLocals(HashSet<int> locals) => _locals = locals;

    public IReadOnlyCollection<int> Indices => _locals;

    public bool Has(VariableDefinition local) => _locals.Contains(local.Index);

    /// <param name="shadowedStructField">Struct fields of objects with a shadow companion: <c>local = obj.S</c> copies it.</param>
    public static StructLocals Of(MethodDefinition method, Func<FieldReference, bool>? shadowedStructField = null)
    {
        var locals = new HashSet<int>();
        foreach (var i in method.Body.Instructions)
        {
            if (i is { OpCode.Code: Code.Ldobj, Operand: TypeReference type, Next: { OpCode.Code: Code.Stloc, Operand: VariableDefinition local } }
                && local.VariableType.FullName == type.FullName && IsUnmanagedStruct(type, 0))
                locals.Add(local.Index);
            if (shadowedStructField is not null && i is { OpCode.Code: Code.Ldfld, Operand: FieldReference field, Next: { OpCode.Code: Code.Stloc, Operand: VariableDefinition into } }
                && into.VariableType.FullName == field.FieldType.FullName && shadowedStructField(field))
                locals.Add(into.Index);
        }
        // Copies between locals (second = first) carry the shadow too.
        for (bool grew = locals.Count > 0; grew;)
        {
            grew = false;
            foreach (var i in method.Body.Instructions)
                if (i is { OpCode.Code: Code.Ldloc, Operand: VariableDefinition from, Next: { OpCode.Code: Code.Stloc, Operand: VariableDefinition to } }
                    && locals.Contains(from.Index) && from.VariableType.FullName == to.VariableType.FullName)
                    grew |= locals.Add(to.Index);
        }
        return locals.Count == 0 ? None : new(locals);
    }

    /// <summary><c>ldloca V; ldfld F</c> or <c>ldloc V; ldfld F</c> (Roslyn's Debug form) reading a scalar field of a shadowed struct local (not reached by a jump).</summary>
    public VariableDefinition? FieldReadLocal(Instruction ldfld, Func<Instruction, bool> jumpTarget)
    {
        if (ldfld is not { OpCode.Code: Code.Ldfld, Operand: FieldReference field, Previous: { OpCode.Code: Code.Ldloca or Code.Ldloc, Operand: VariableDefinition local } }
            || !Has(local) || jumpTarget(ldfld)) return null;
        if (field.DeclaringType.FullName != local.VariableType.FullName) return null;
        return ValueKinds.IsScalar(ValueKinds.Of(field.FieldType)) && ValueKinds.SizeOf(field.FieldType) is not null ? local : null;
    }

    /// <summary>A struct of primitives, pointers, enums and such structs only (no references, no generics): its bytes are all data.</summary>
    public static bool IsUnmanagedStruct(TypeReference type) => IsUnmanagedStruct(type, 0);

    static bool IsUnmanagedStruct(TypeReference type, int depth)
    {
        if (depth > 4 || type.IsGenericInstance || type.HasGenericParameters || type.IsPrimitive || type.IsPointer) return false;
        TypeDefinition? definition;
        try { definition = type.Resolve(); }
        catch (AssemblyResolutionException) { return false; }
        if (definition is not { IsValueType: true, IsEnum: false } || definition.HasGenericParameters) return false;
        foreach (var field in definition.Fields)
        {
            if (field.IsStatic) continue;
            var fieldType = field.FieldType;
            if (fieldType.IsPointer || fieldType.IsFunctionPointer || ValueKinds.SizeOf(fieldType) is not null && fieldType.IsValueType) continue;
            if (fieldType.IsValueType && !fieldType.IsPrimitive && IsUnmanagedStruct(fieldType, depth + 1)) continue;
            return false;
        }
        return true;
    }
}
