using Mono.Cecil;

namespace SharpSan.Instrumentation.Memory;

/// <summary>
/// The BCL table's propagate rows for param-retval: members outside the module that only move or combine their scalar
/// arguments, as C's builtins and inlined helpers do (pointer and offset arithmetic, byte swaps, bit counts, SIMD lane
/// operations, atomics). clang's <c>-fsanitize-memory-param-retval</c> never checks those (they are no calls by the time
/// MSan runs): an undefined value passed to them keeps flowing and is reported where it is used. Every other BCL member
/// taking an undefined scalar is a use at the call (<c>Math.Max(undefined, 1)</c> is MSan's report at the call).
/// </summary>
public static class PropagatingMembers
{
    /// <summary>Types (and namespaces ending in '.') whose every member only propagates.</summary>
    static readonly string[] s_wholeTypes =
    [
        "System.Runtime.CompilerServices.Unsafe",
        "System.Runtime.InteropServices.MemoryMarshal",
        "System.Runtime.InteropServices.NativeMemory",
        "System.Numerics.BitOperations",
        "System.Numerics.Vector",
        "System.Numerics.Vector`1",
        "System.Numerics.Vector2",
        "System.Numerics.Vector3",
        "System.Numerics.Vector4",
        "System.Threading.Interlocked",
        "System.Threading.Volatile",
        "System.Runtime.Intrinsics.",
        "System.Span`1",
        "System.ReadOnlySpan`1",
        "System.Memory`1",
        "System.ReadOnlyMemory`1",
        "System.ArraySegment`1",
    ];

    /// <summary>Single members of other types that only propagate (type, member names).</summary>
    static readonly Dictionary<string, string[]> s_members = new()
    {
        ["System.Buffers.Binary.BinaryPrimitives"] = ["ReverseEndianness"],
        ["System.IntPtr"] = ["op_Explicit", "op_Implicit", "Add", "Subtract", "op_Addition", "op_Subtraction", ".ctor"],
        ["System.UIntPtr"] = ["op_Explicit", "op_Implicit", "Add", "Subtract", "op_Addition", "op_Subtraction", ".ctor"],
        ["System.Runtime.CompilerServices.RuntimeHelpers"] = ["GetSubArray"],
    };

    /// <summary>Members of the primitive types that are operators or bit builtins in C (<c>int.RotateLeft</c>, <c>uint.PopCount</c>, <c>x.CompareTo(y)</c>).</summary>
    static readonly HashSet<string> s_primitiveBuiltins =
    [
        "RotateLeft", "RotateRight", "PopCount", "LeadingZeroCount", "TrailingZeroCount", "Log2", "IsPow2", "CompareTo", "Equals",
        "GetHashCode", "CreateTruncating", "CreateSaturating", "CreateChecked", "BitDecrement", "BitIncrement",
    ];

    static readonly HashSet<string> s_primitives =
    [
        "System.Boolean", "System.Char", "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
        "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Half", "System.Int128", "System.UInt128",
    ];

    public static bool Contains(MethodReference target)
    {
        string type = target.DeclaringType.GetElementType().FullName;
        foreach (string whole in s_wholeTypes)
            if (whole.EndsWith('.') ? type.StartsWith(whole, StringComparison.Ordinal) : type == whole) return true;
        if (s_primitives.Contains(type)) return target.Name.StartsWith("op_", StringComparison.Ordinal) || s_primitiveBuiltins.Contains(target.Name);
        // Bit casts (BitConverter.SingleToInt32Bits, Int64BitsToDouble, …) only reinterpret.
        if (type == "System.BitConverter") return target.Name.Contains("Bits", StringComparison.Ordinal);
        return s_members.TryGetValue(type, out var names) && names.Contains(target.Name);
    }
}
