using System.Reflection;
using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Address.Leaks;

/// <summary>How the root scan reads a value of a given (declared or actual) type.</summary>
internal enum RootShape
{
    /// <summary>Cannot lead to a native pointer: primitives, strings, enums, reflection objects, structs of those.</summary>
    Nothing,
    /// <summary>One pointer-sized word that may be a native pointer: nint, nuint, T*, delegate*.</summary>
    Word,
    /// <summary>A value type without references that holds pointer-sized words: its bytes are scanned as words.</summary>
    RawStruct,
    /// <summary>A value type with references that may lead to pointers: its bytes are scanned, its references followed.</summary>
    MixedStruct,
    /// <summary>A reference to an object that may lead to pointers.</summary>
    Reference,
}

/// <summary>
/// Facts about types the root scan needs, computed once per type: the shape above, value-type sizes
/// (<c>Unsafe.SizeOf&lt;T&gt;</c> through a generic instantiation, so no boxing path is involved) and the instance
/// fields worth reading. Pruning by type is what keeps a big static graph cheap: a million records made only of
/// numbers and strings are never visited.
/// </summary>
internal static class RootTypes
{
    const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    static readonly Dictionary<Type, RootShape> s_shapes = [];
    static readonly Dictionary<Type, int> s_sizes = [];
    static readonly Dictionary<Type, FieldInfo[]> s_fields = [];
    static readonly MethodInfo s_sizeOf = typeof(RootTypes).GetMethod(nameof(SizeOfGeneric), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The shape of a value whose declared type is <paramref name="type"/> (an unsealed class may hold a subclass).</summary>
    public static RootShape Shape(Type type) => Compute(type, exact: false);

    /// <summary>Whether an object of exactly this runtime type may lead to a pointer (judged by its own fields).</summary>
    public static bool ObjectLeadsToPointer(Type type) => Compute(type, exact: true) != RootShape.Nothing;

    static RootShape Compute(Type type, bool exact)
    {
        lock (s_shapes)
        {
            if (exact && !type.IsValueType && !type.IsArray && !type.IsSealed && !IsOpaque(type))
            {
                if (s_exactClasses.TryGetValue(type, out var known)) return known;
                return s_exactClasses[type] = FromFields(type, [], []) ? RootShape.Reference : RootShape.Nothing;
            }
            var inProgress = new HashSet<Type>();
            var provisional = new List<Type>();
            return ShapeOf(type, inProgress, provisional);
        }
    }

    static readonly Dictionary<Type, RootShape> s_exactClasses = [];

    /// <summary>Size in bytes of a value of value type <paramref name="type"/>.</summary>
    public static int SizeOf(Type type)
    {
        lock (s_sizes)
        {
            if (!s_sizes.TryGetValue(type, out int size))
                s_sizes[type] = size = type.IsPointer || type.IsFunctionPointer ? IntPtr.Size : (int)s_sizeOf.MakeGenericMethod(type).Invoke(null, null)!;
            return size;
        }
    }

    static int SizeOfGeneric<T>() => Unsafe.SizeOf<T>();

    /// <summary>The instance fields (this type's and its bases') whose values may lead to a pointer.</summary>
    public static FieldInfo[] FieldsToRead(Type type)
    {
        lock (s_fields)
        {
            if (s_fields.TryGetValue(type, out var known)) return known;
            var fields = new List<FieldInfo>();
            for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
                foreach (var field in SafeFields(t))
                    if (Shape(field.FieldType) != RootShape.Nothing) fields.Add(field);
            return s_fields[type] = [.. fields];
        }
    }

    public static FieldInfo[] SafeFields(Type type, BindingFlags flags = InstanceFields)
    {
        try { return type.GetFields(flags); }
        catch (Exception) { return []; }
    }

    /// <summary>
    /// Types met again while their own shape is being computed count as Nothing for that computation (a cycle adds
    /// no pointer of its own). Nothing answers found below the outermost type are provisional: remembered only when
    /// the outermost type turns out Nothing too, which then holds for every type it explored.
    /// </summary>
    static RootShape ShapeOf(Type type, HashSet<Type> inProgress, List<Type> provisional)
    {
        if (s_shapes.TryGetValue(type, out var known)) return known;
        if (type.IsPointer || type.IsFunctionPointer || type == typeof(IntPtr) || type == typeof(UIntPtr)) return Remember(type, RootShape.Word);
        if (type.IsPrimitive || type.IsEnum || type.IsByRef || type.IsByRefLike || IsOpaque(type)) return Remember(type, RootShape.Nothing);
        if (type.IsArray) return ShapeOf(type.GetElementType()!, inProgress, provisional) == RootShape.Nothing ? Provisional(type, inProgress, provisional) : Remember(type, RootShape.Reference);
        // Anything could be behind these: interfaces, object, abstract and unsealed classes are judged by the actual object.
        if (type.IsInterface || type == typeof(object) || type == typeof(ValueType) || type == typeof(Enum)) return RootShape.Reference;
        if (!type.IsValueType && !type.IsSealed) return RootShape.Reference;
        if (type.ContainsGenericParameters) return RootShape.Reference;
        if (!inProgress.Add(type)) return RootShape.Nothing;
        bool leadsToPointer = FromFields(type, inProgress, provisional);
        inProgress.Remove(type);
        if (!leadsToPointer) return Provisional(type, inProgress, provisional);
        return Remember(type, !type.IsValueType ? RootShape.Reference : ContainsReferences(type) ? RootShape.MixedStruct : RootShape.RawStruct);
    }

    static bool FromFields(Type type, HashSet<Type> inProgress, List<Type> provisional)
    {
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            foreach (var field in SafeFields(t))
                if (ShapeOf(field.FieldType, inProgress, provisional) != RootShape.Nothing) return true;
        return false;
    }

    static RootShape Provisional(Type type, HashSet<Type> inProgress, List<Type> provisional)
    {
        if (inProgress.Count > 0)
        {
            provisional.Add(type);
            return RootShape.Nothing;
        }
        foreach (var t in provisional) s_shapes.TryAdd(t, RootShape.Nothing);
        provisional.Clear();
        return Remember(type, RootShape.Nothing);
    }

    /// <summary>Types whose objects hold no native pointers worth finding (and whose internals should not be walked).</summary>
    static bool IsOpaque(Type type) => type == typeof(string) || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
        || typeof(Assembly).IsAssignableFrom(type);

    static RootShape Remember(Type type, RootShape shape)
    {
        s_shapes[type] = shape;
        return shape;
    }

    static readonly MethodInfo s_containsReferences = typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!;

    static bool ContainsReferences(Type valueType)
    {
        try { return (bool)s_containsReferences.MakeGenericMethod(valueType).Invoke(null, null)!; }
        catch (Exception) { return true; }   // unknown: follow its fields by reflection as well
    }
}
