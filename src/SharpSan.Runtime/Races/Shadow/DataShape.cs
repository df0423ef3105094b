using System.Reflection;

namespace SharpSan.Runtime.Races.Shadow;

/// <summary>Whether values of <typeparamref name="T"/> hold any data: computed once per instantiation, read as a constant by tier-1 code.</summary>
public static class DataShape<T>
{
    public static readonly bool IsEmpty = IsEmptyStruct(typeof(T), 0);

    static bool IsEmptyStruct(Type type, int depth)
    {
        if (!type.IsValueType || type.IsPrimitive || type.IsEnum || type.IsPointer || depth > 8) return false;
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            if (!IsEmptyStruct(field.FieldType, depth + 1)) return false;
        return true;
    }
}
