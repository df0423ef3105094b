namespace SharpSan.Runtime.Address.Pools;

/// <summary>
/// C# spelling of element types in reports: "byte[32]" rather than "System.Byte[32]", and generic instances as
/// written in code ("Entry&lt;int, long&gt;", "Table&lt;int&gt;.Row&lt;long&gt;") rather than reflection's
/// assembly-qualified "Entry`2[[System.Int32, System.Private.CoreLib, …]]".
/// </summary>
internal static class ElementNames
{
    public static string Of(Type t)
    {
        if (t.IsArray) return Of(t.GetElementType()!) + "[" + new string(',', t.GetArrayRank() - 1) + "]";
        if (t.IsPointer) return Of(t.GetElementType()!) + "*";
        if (t.IsGenericParameter) return t.Name;
        if (Keyword(t) is { } keyword) return keyword;
        if (Nullable.GetUnderlyingType(t) is { } underlying) return Of(underlying) + "?";
        return Named(t);
    }

    static string? Keyword(Type t) => t.IsEnum ? null : Type.GetTypeCode(t) switch
    {
        TypeCode.Byte => "byte", TypeCode.SByte => "sbyte", TypeCode.Char => "char", TypeCode.Boolean => "bool",
        TypeCode.Int16 => "short", TypeCode.UInt16 => "ushort", TypeCode.Int32 => "int", TypeCode.UInt32 => "uint",
        TypeCode.Int64 => "long", TypeCode.UInt64 => "ulong", TypeCode.Single => "float", TypeCode.Double => "double",
        TypeCode.Decimal => "decimal", TypeCode.String => "string",
        _ => t == typeof(object) ? "object" : t == typeof(nint) ? "nint" : t == typeof(nuint) ? "nuint" : null,
    };

    /// <summary>
    /// A constructed nested type carries all its arguments, outer ones first (Table`1+Row`1[int, long]); each level
    /// of the declaring chain takes the arguments it adds.
    /// </summary>
    static string Named(Type t)
    {
        var arguments = t.IsGenericType ? t.GetGenericArguments() : [];
        var definition = t.IsGenericType ? t.GetGenericTypeDefinition() : t;
        var chain = new List<Type>();
        for (var level = definition; level is not null; level = level.DeclaringType) chain.Insert(0, level);
        var name = new System.Text.StringBuilder();
        int used = 0;
        foreach (var level in chain)
        {
            if (name.Length > 0) name.Append('.');
            else if (!string.IsNullOrEmpty(level.Namespace)) name.Append(level.Namespace).Append('.');
            string simple = level.Name;
            int tick = simple.IndexOf('`');
            name.Append(tick >= 0 ? simple[..tick] : simple);
            int total = level.IsGenericTypeDefinition ? level.GetGenericArguments().Length : 0;
            if (total > used && total <= arguments.Length)
            {
                name.Append('<').AppendJoin(", ", arguments[used..total].Select(Of)).Append('>');
                used = total;
            }
        }
        return name.ToString();
    }
}
