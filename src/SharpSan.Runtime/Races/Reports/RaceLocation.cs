using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Reports;

/// <summary>The "Location is …" line of a data race report and the access size, from the variable and its access site.</summary>
internal static class RaceLocation
{
    /// <param name="member">The path of the struct member that raced below the site's field ("X"), or null for the whole field.</param>
    public static string Describe(in Variable variable, AccessSite? site, string? member = null)
    {
        switch (variable.Kind)
        {
            case VariableKind.Element:
                var array = (Array)variable.Owner!;
                return $"element [{Indices(array, variable.Index)}] of array {TypeNames.Of(array.GetType())} of length {array.Length}";
            case VariableKind.Collection:
                return $"{TypeNames.Of(variable.Owner!.GetType(), qualified: false)} object";
            case VariableKind.Static:
                return site?.Field is { } s ? $"static field {FieldName(s)}{Member(member)}" : "a static field";
            default:
                string owner = TypeNames.Of(variable.Owner!.GetType());
                if (site?.Field is not { } f) return $"a field of object of type {owner}";
                string captured = f.DeclaringType?.Name.Contains("DisplayClass", StringComparison.Ordinal) == true
                    ? $" (local variable '{f.Name}' captured by a lambda)" : "";
                return $"field {FieldName(f, variable.Owner!.GetType())}{Member(member)}{captured} of object of type {owner}";
        }
    }

    /// <summary>"3" for a vector; "1, 2" for the row-major position 5 of an int[2,3] (lower bounds added back).</summary>
    static string Indices(Array array, int flat)
    {
        if (array.Rank == 1) return flat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var indices = new int[array.Rank];
        for (int d = array.Rank - 1; d >= 0; d--)
        {
            indices[d] = flat % array.GetLength(d) + array.GetLowerBound(d);
            flat /= array.GetLength(d);
        }
        return string.Join(", ", indices);
    }

    static string Member(string? path) => path is null ? "" : "." + path;

    public static int SizeOf(in Variable variable, AccessSite? site, string? member = null)
    {
        if (site?.Field is { } f)
        {
            // A generic field (`TPolicy policy`) has its size in the owner's instantiation.
            var type = variable.Kind == VariableKind.Field && f.DeclaringType is { } d
                ? ClosedType(d, variable.Owner!.GetType()).GetField(f.Name, Instance)?.FieldType ?? f.FieldType
                : f.FieldType;
            if (member is not null) type = MemberCells.MemberType(type, member);
            return type is null || type.ContainsGenericParameters ? 8 : TypeSizes.Of(type);
        }
        if (variable.Kind == VariableKind.Element) return TypeSizes.Of(variable.Owner!.GetType().GetElementType()!);
        return site?.ElementType is { } e ? TypeSizes.Of(e) : 8;
    }

    const System.Reflection.BindingFlags Instance =
        System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly;

    static string FieldName(System.Reflection.FieldInfo field, Type? ownerType = null) =>
        (field.DeclaringType is { } t ? TypeNames.Of(ClosedType(t, ownerType)) + "." : "") + field.Name;

    /// <summary>
    /// A field read back from generic code is declared on the open type (Box&lt;T&gt;); the object's own type (or a base)
    /// says which instantiation it is (Box&lt;string&gt;).
    /// </summary>
    static Type ClosedType(Type declaring, Type? ownerType)
    {
        if (!declaring.ContainsGenericParameters) return declaring;
        var definition = declaring.IsGenericTypeDefinition ? declaring : declaring.GetGenericTypeDefinition();
        for (var t = ownerType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == definition) return t;
        return declaring;
    }
}
