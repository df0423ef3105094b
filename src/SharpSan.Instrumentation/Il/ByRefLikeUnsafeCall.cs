using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// <c>Unsafe.Read/Write/ReadUnaligned/WriteUnaligned/Copy&lt;T&gt;</c> where T may be a ref struct (.NET 9 declares
/// them <c>allows ref struct</c>). SharpSan.Runtime's interceptors for these cannot take such a T (the runtime targets
/// net8.0, which has no <c>allows ref struct</c>), so the interception pass leaves these calls alone and the
/// memory-access pass checks them in place, as the <c>ldobj</c>/<c>stobj</c> they are: one access of <c>sizeof T</c>
/// bytes through the pointer operand at <see cref="Depth"/>; <see cref="Spilled"/> is the type of the operand above it.
/// </summary>
public sealed record ByRefLikeUnsafeCall(bool IsWrite, int Depth, TypeReference Value, TypeReference? Spilled)
{
    public static ByRefLikeUnsafeCall? Of(Instruction call)
    {
        if (call.OpCode.Code != Code.Call || call.Operand is not GenericInstanceMethod { GenericArguments.Count: 1 } method) return null;
        if (method.DeclaringType.FullName != "System.Runtime.CompilerServices.Unsafe" || !RefTypes.MayBeByRefLike(method.GenericArguments[0])) return null;
        var t = method.GenericArguments[0];
        var parameters = method.ElementMethod.Parameters;
        bool fromPointer = parameters.Count > 0 && parameters[0].ParameterType.IsPointer;
        return (method.Name, parameters.Count) switch
        {
            ("Read", 1) when fromPointer => new(false, 0, t, null),
            ("ReadUnaligned", 1) => new(false, 0, t, null),
            ("Write" or "WriteUnaligned", 2) => new(true, 1, t, t),
            // Copy(void* destination, ref readonly T source) writes the destination; Copy(ref T destination, void* source) reads the source.
            ("Copy", 2) when fromPointer => new(true, 1, t, new ByReferenceType(t)),
            ("Copy", 2) => new(false, 0, t, null),
            _ => null,
        };
    }
}
