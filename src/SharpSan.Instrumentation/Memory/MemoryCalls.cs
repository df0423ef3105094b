using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Memory;

/// <summary>
/// A call that is a memory access in disguise: <c>Unsafe.Read/ReadUnaligned/Write/WriteUnaligned&lt;T&gt;</c> (an
/// <c>ldobj</c>/<c>stobj</c> of T) and the SIMD loads and stores (<c>Sse2.LoadVector128</c>, <c>Sse2.Store</c>,
/// <c>Vector128.Load</c>, <c>Vector128.Store</c>, …). The shadow pass treats them as the loads and stores they are;
/// left alone, a store through one of them would leave the destination's old shadow behind (ZstdSharp's wildcopy
/// copies literals with Sse2.LoadVector128/Store, and the histogram of those literals was reported).
/// </summary>
/// <param name="Address">Index of the address argument.</param>
/// <param name="Value">Index of the stored value's argument (stores only).</param>
/// <param name="Type">The loaded or stored type (a primitive: bit-exact shadow; a struct or vector: copied or defined whole).</param>
public sealed record MemoryCall(bool IsStore, int Address, int Value, TypeReference Type)
{
    public static MemoryCall? Of(Instruction i)
    {
        if (i.OpCode.Code is not (Code.Call or Code.Callvirt) || i.Operand is not MethodReference target) return null;
        var declaring = target.DeclaringType.FullName;
        var parameters = target.Parameters;
        if (declaring == "System.Runtime.CompilerServices.Unsafe")
        {
            if (target is not GenericInstanceMethod { GenericArguments: [var t] }) return null;
            bool byAddress = parameters.Count > 0 && (ValueKinds.Strip(parameters[0].ParameterType) is PointerType or ByReferenceType);
            if (!byAddress) return null;
            if (target.Name is "Read" or "ReadUnaligned" && parameters.Count == 1) return new(false, 0, -1, t);
            if (target.Name is "Write" or "WriteUnaligned" && parameters.Count == 2) return new(true, 0, 1, t);
            return null;
        }
        if (!declaring.StartsWith("System.Runtime.Intrinsics.", StringComparison.Ordinal)) return null;
        bool load = target.Name.StartsWith("Load", StringComparison.Ordinal) && target.Name is not ("LoadFence" or "LoadScalarVector128" or "LoadScalarVector64");
        if (load && parameters.Count == 1 && IsPointer(parameters[0].ParameterType) && IsVector(target.ReturnType))
            return new(false, 0, -1, Instance(target.ReturnType, target));
        bool store = target.Name is "Store" or "StoreAligned" or "StoreAlignedNonTemporal" or "StoreUnsafe";
        if (store && parameters.Count == 2)
        {
            // Sse2.Store(T* address, Vector128<T> source) and Vector128.Store(this Vector128<T> source, T* destination).
            if (IsPointer(parameters[0].ParameterType) && IsVector(parameters[1].ParameterType)) return new(true, 0, 1, Instance(parameters[1].ParameterType, target));
            if (IsVector(parameters[0].ParameterType) && IsPointer(parameters[1].ParameterType)) return new(true, 1, 0, Instance(parameters[0].ParameterType, target));
        }
        return null;
    }

    static TypeReference Instance(TypeReference declared, MethodReference target) =>
        CallSiteTypes.Of(declared, target.DeclaringType, target as IGenericInstance) ?? declared;

    static bool IsPointer(TypeReference type) => ValueKinds.Strip(type) is PointerType or ByReferenceType;

    static bool IsVector(TypeReference type) =>
        ValueKinds.Strip(type).Namespace == "System.Runtime.Intrinsics" && ValueKinds.Strip(type).Name.StartsWith("Vector", StringComparison.Ordinal);

    /// <summary>Bytes of a vector type (Vector64/128/256/512), whose size the pass knows without resolving it.</summary>
    public static int? VectorBytes(TypeReference type) => ValueKinds.Strip(type).Name switch
    {
        "Vector64`1" => 8,
        "Vector128`1" => 16,
        "Vector256`1" => 32,
        "Vector512`1" => 64,
        _ => null,
    };
}
