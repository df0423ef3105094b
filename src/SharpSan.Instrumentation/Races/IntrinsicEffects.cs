using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Methods whose IL does not say what they do: the JIT's intrinsics. System.Runtime.CompilerServices.Unsafe and other
/// [Intrinsic] methods of the framework have bodies that only throw PlatformNotSupportedException (the JIT replaces
/// them), so reading them would find no access at all. Unsafe's by-reference methods are modelled here; any other
/// such stub is unknown to <see cref="ByrefEffects"/> (its conservative fallback).
/// </summary>
internal static class IntrinsicEffects
{
    /// <summary>The model of <paramref name="method"/>'s effect on <paramref name="parameter"/>, or null when it has none.</summary>
    public static ByrefEffects.Summary? Of(MethodDefinition method, int parameter)
    {
        if (UnsafeAccessorKind(method) is { } kind) return UnsafeAccessorEffect(method, kind, parameter);
        if (method.DeclaringType.FullName != "System.Runtime.CompilerServices.Unsafe" || parameter < 0 || parameter >= method.Parameters.Count) return null;
        string name = method.Parameters[parameter].Name;
        string anywhere = StructMembers.Anywhere;   // a size or an offset of the intrinsic's own: not just the member
        return method.Name switch
        {
            // A reference into the argument comes back: what the caller does with it decides.
            "AsRef" => new([], [""]),
            "As" or "Add" or "AddByteOffset" or "Subtract" or "SubtractByteOffset" => new([], [anywhere]),
            "Write" or "WriteUnaligned" or "InitBlock" or "InitBlockUnaligned" => Whole(AddressUse.Write),
            "Copy" or "CopyBlock" or "CopyBlockUnaligned" => Whole(name.StartsWith("dest", StringComparison.OrdinalIgnoreCase) ? AddressUse.Write : AddressUse.Read),
            "Read" or "ReadUnaligned" => Whole(AddressUse.Read),
            "AreSame" or "IsAddressGreaterThan" or "IsAddressGreaterThanOrEqualTo" or "IsAddressLessThan" or "IsAddressLessThanOrEqualTo"
                or "ByteOffset" or "IsNullRef" => new([], []),
            "AsPointer" => Whole(AddressUse.Write),   // a pointer to the argument escapes
            _ => null,
        };
    }

    /// <summary>
    /// An [UnsafeAccessor] method is extern (no IL): the runtime gives it a body that reaches a private member. A field
    /// accessor hands back a reference to the named field of its first argument; any other kind calls a method on it,
    /// whose effect is unknown here (the conservative fallback).
    /// </summary>
    static ByrefEffects.Summary UnsafeAccessorEffect(MethodDefinition method, int kind, int parameter)
    {
        const int Field = 3;   // UnsafeAccessorKind: Constructor, Method, StaticMethod, Field, StaticField
        if (kind != Field || parameter != 0) return Whole(AddressUse.Write);
        var attribute = method.CustomAttributes.First(IsUnsafeAccessor);
        string field = attribute.Properties.FirstOrDefault(p => p.Name == "Name").Argument.Value as string ?? method.Name;
        return new([], [field]);
    }

    static int? UnsafeAccessorKind(MethodDefinition method) =>
        method.HasCustomAttributes && method.CustomAttributes.FirstOrDefault(IsUnsafeAccessor) is { ConstructorArguments: [{ Value: int kind }] } ? kind : null;

    static bool IsUnsafeAccessor(CustomAttribute attribute) =>
        attribute.AttributeType.FullName == "System.Runtime.CompilerServices.UnsafeAccessorAttribute";

    /// <summary>A framework intrinsic whose body is a stub (it throws PlatformNotSupportedException).</summary>
    public static bool IsStub(MethodDefinition method) =>
        method.HasBody && method.CustomAttributes.Any(a => a.AttributeType.Name == "IntrinsicAttribute")
        && method.Body.Instructions.Any(i => i.OpCode.Code == Code.Newobj && i.Operand is MethodReference { DeclaringType.Name: "PlatformNotSupportedException" });

    static ByrefEffects.Summary Whole(AddressUse use) => new([new MemberEffect(StructMembers.Anywhere, use)], []);
}
