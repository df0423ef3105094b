using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>The static type of the value an instruction pushed, for the producers that say it (used by the pool rules).</summary>
public static class ProducedTypes
{
    /// <summary>
    /// Static type of the array <paramref name="producer"/> pushed, in this method's generic context: locals,
    /// arguments, fields and call results (seen through their instantiation), casts, and an element or a
    /// dereference of something whose type is known the same way (<c>rows[r].Length</c>, <c>ref int[] row</c>).
    /// </summary>
    public static ArrayType? ArrayOf(AddressProvenance provenance, Instruction? producer, int depth = 0) =>
        depth <= 4 && producer is not null && TypeOf(provenance, producer, depth) is { } type && Unwrapped(type) is ArrayType array ? array : null;

    static TypeReference? TypeOf(AddressProvenance provenance, Instruction producer, int depth)
    {
        switch (producer.OpCode.Code)
        {
            case Code.Ldloc or Code.Ldloc_S: return ((VariableDefinition)producer.Operand).VariableType;
            case Code.Ldarg or Code.Ldarg_S: return ((ParameterDefinition)producer.Operand).ParameterType;
            case Code.Ldfld or Code.Ldsfld:
                var field = (FieldReference)producer.Operand;
                return CallSiteTypes.Of(field.FieldType, field.DeclaringType, null);
            case Code.Call or Code.Callvirt:
                var method = (MethodReference)producer.Operand;
                return CallSiteTypes.Of(method.ReturnType, method.DeclaringType, method as GenericInstanceMethod);
            case Code.Castclass or Code.Isinst or Code.Ldelem_Any or Code.Ldobj:
                return (TypeReference)producer.Operand;
            case Code.Ldelem_Ref:
                return ArrayOf(provenance, provenance.ProducerOf(producer, 1), depth + 1)?.ElementType;
            case Code.Ldind_Ref:
                return ReferencedType(provenance, provenance.ProducerOf(producer, 0), depth + 1);
            default:
                return null;
        }
    }

    /// <summary>The type stored at the address <paramref name="producer"/> pushed (a <c>ref T[]</c> local or argument, an element or field address).</summary>
    static TypeReference? ReferencedType(AddressProvenance provenance, Instruction? producer, int depth)
    {
        if (producer is null || depth > 4) return null;
        switch (producer.OpCode.Code)
        {
            case Code.Ldelema: return (TypeReference)producer.Operand;
            case Code.Ldflda or Code.Ldsflda:
                var field = (FieldReference)producer.Operand;
                return CallSiteTypes.Of(field.FieldType, field.DeclaringType, null);
            case Code.Ldloca or Code.Ldloca_S: return ((VariableDefinition)producer.Operand).VariableType;
            case Code.Ldarga or Code.Ldarga_S: return ((ParameterDefinition)producer.Operand).ParameterType;
        }
        return TypeOf(provenance, producer, depth) is { } type && Unwrapped(type) is ByReferenceType reference ? reference.ElementType : null;
    }

    static TypeReference Unwrapped(TypeReference type)
    {
        while (type is IModifierType or PinnedType) type = ((TypeSpecification)type).ElementType;
        return type;
    }
}
