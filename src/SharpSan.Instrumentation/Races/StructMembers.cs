using Mono.Cecil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// The members of a struct stored in a field, as paths of field names ("stats._hits", "Outer.Inner._count"): a small
/// struct's field gets one shadow cell per member (TSan tracks each byte; two threads writing Point.X and Point.Y of one
/// field do not race), and a report names the member and its size, not the whole struct's. A path "" is the whole
/// struct; a path covers every member below it.
/// </summary>
/// <remarks>
/// Not split (one cell for the whole field, as before): generic parameters (the struct is not known when the class is
/// rewritten), primitives and enums, synchronisation structs (SpinLock, … — never data), [InlineArray] and fixed
/// buffers (elements are reached through addresses), explicit layouts whose fields overlap or whose sizes are unknown,
/// empty structs, and structs with more than <see cref="MaxMembers"/> members (each whole-struct copy costs one check
/// per member).
/// </remarks>
public static class StructMembers
{
    public const int MaxMembers = 32;
    const int MaxDepth = 4;

    /// <summary>The member paths of a field of type <paramref name="fieldType"/>, or null to keep one cell for it.</summary>
    public static IReadOnlyList<string>? Of(TypeReference fieldType) => WithTypes(fieldType)?.Select(m => m.Path).ToList();

    /// <summary>
    /// The members with their types (as seen from the field's declaring type: a member may be typed by one of its
    /// generic parameters, <c>P policy</c>), or null to keep one cell for the field.
    /// </summary>
    public static IReadOnlyList<(string Path, TypeReference Type)>? WithTypes(TypeReference fieldType)
    {
        var members = new List<(string, TypeReference)>();
        if (!Splittable(fieldType) || !Flatten(fieldType, "", members, 0) || members.Count == 0) return null;
        return members;
    }

    /// <summary>
    /// The path of an address that escaped (turned into a pointer or a span, offset with Unsafe.Add): it may reach any
    /// member of the outermost struct, whatever member it was taken from.
    /// </summary>
    public const string Anywhere = "*";

    public static string Join(string prefix, string name) =>
        name == Anywhere || prefix == Anywhere ? Anywhere : prefix.Length == 0 ? name : name.Length == 0 ? prefix : prefix + "." + name;

    /// <summary>
    /// An access to <paramref name="path"/> touches <paramref name="member"/>: it covers it (the whole struct, an
    /// enclosing struct, the member itself, anywhere) or lies inside it (a field of a member that was not split further).
    /// </summary>
    public static bool Touches(string path, string member) =>
        path.Length == 0 || path == Anywhere || member == path || member.StartsWith(path + ".", StringComparison.Ordinal)
        || path.StartsWith(member + ".", StringComparison.Ordinal);

    /// <summary>A value type of the System.Threading family (SpinLock, ManualResetValueTaskSourceCore, …): a lock or a primitive's state, never data.</summary>
    public static bool IsSynchronization(TypeReference? type) =>
        type is not null && type is not GenericParameter && type.IsValueType
        && type.Namespace is "System.Threading" or "System.Threading.Tasks.Sources";

    static bool Flatten(TypeReference type, string prefix, List<(string Path, TypeReference Type)> members, int depth)
    {
        if (type.TryResolve() is not { } definition) return false;
        var arguments = type is GenericInstanceType instance ? instance.GenericArguments : null;
        foreach (var field in definition.Fields.Where(f => !f.IsStatic))
        {
            var fieldType = arguments is null ? field.FieldType : GenericSubstitution.Apply(field.FieldType, arguments);
            string path = Join(prefix, field.Name);
            var nested = new List<(string, TypeReference)>();
            if (depth + 1 < MaxDepth && TypeLayout.FixedBuffer(field) is null && Splittable(fieldType) && Flatten(fieldType, path, nested, depth + 1))
                members.AddRange(nested);
            else
                members.Add((path, fieldType));
            if (members.Count > MaxMembers) return false;
        }
        return true;
    }

    static bool Splittable(TypeReference type)
    {
        if (type is GenericParameter or PointerType or ByReferenceType or ArrayType or FunctionPointerType || !type.IsValueType || type.IsPrimitive) return false;
        if (type.MetadataType is MetadataType.IntPtr or MetadataType.UIntPtr || IsSynchronization(type)) return false;
        if (type.TryResolve() is not { } definition || definition.IsEnum || definition.IsPrimitive || TypeLayout.InlineArrayLength(type) is not null) return false;
        if (!definition.Fields.Any(f => !f.IsStatic)) return false;
        return !definition.IsExplicitLayout || Disjoint(definition);
    }

    /// <summary>An explicit layout whose fields never share a byte (a padded pair, not a union).</summary>
    static bool Disjoint(TypeDefinition definition)
    {
        int end = 0;
        foreach (var field in definition.Fields.Where(f => !f.IsStatic).OrderBy(f => f.Offset))
        {
            int? size = field.FieldType.IsValueType ? TypeLayout.Of(field.FieldType)?.Size : IntPtr.Size;
            if (size is null || field.Offset < end) return false;
            end = field.Offset + size.Value;
        }
        return true;
    }
}
