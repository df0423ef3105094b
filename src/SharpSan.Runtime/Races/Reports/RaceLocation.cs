using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Reports;

/// <summary>The "Location is …" line of a data race report and the access size, from the variable and its access site.</summary>
internal static class RaceLocation
{
    public static string Describe(in Variable variable, AccessSite? site)
    {
        switch (variable.Kind)
        {
            case VariableKind.Element:
                var array = (Array)variable.Owner!;
                return $"element [{variable.Index}] of array {TypeNames.Of(array.GetType())} of length {array.Length}";
            case VariableKind.Collection:
                return $"{TypeNames.Of(variable.Owner!.GetType(), qualified: false)} object";
            case VariableKind.Static:
                return site?.Field is { } s ? $"static field {FieldName(s)}" : "a static field";
            default:
                string owner = TypeNames.Of(variable.Owner!.GetType());
                if (site?.Field is not { } f) return $"a field of object of type {owner}";
                string captured = f.DeclaringType?.Name.Contains("DisplayClass", StringComparison.Ordinal) == true
                    ? $" (local variable '{f.Name}' captured by a lambda)" : "";
                return $"field {FieldName(f)}{captured} of object of type {owner}";
        }
    }

    public static int SizeOf(in Variable variable, AccessSite? site)
    {
        if (site?.Field is { } f) return TypeSizes.Of(f.FieldType);
        if (variable.Kind == VariableKind.Element) return TypeSizes.Of(variable.Owner!.GetType().GetElementType()!);
        return site?.ElementType is { } e ? TypeSizes.Of(e) : 8;
    }

    static string FieldName(System.Reflection.FieldInfo field) =>
        (field.DeclaringType is { } t ? TypeNames.Of(t) + "." : "") + field.Name;
}
