namespace SharpSan.Runtime.Races.Reports;

/// <summary>C#-style type names for reports: <c>Dictionary&lt;string, int&gt;</c>, <c>Demo.Outer.Inner</c>, <c>int[]</c>.</summary>
internal static class TypeNames
{
    static readonly Dictionary<Type, string> s_keywords = new()
    {
        [typeof(int)] = "int", [typeof(long)] = "long", [typeof(short)] = "short", [typeof(byte)] = "byte",
        [typeof(uint)] = "uint", [typeof(ulong)] = "ulong", [typeof(ushort)] = "ushort", [typeof(sbyte)] = "sbyte",
        [typeof(bool)] = "bool", [typeof(char)] = "char", [typeof(string)] = "string", [typeof(object)] = "object",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(nint)] = "nint", [typeof(nuint)] = "nuint",
    };

    public static string Of(Type type, bool qualified = true)
    {
        if (s_keywords.TryGetValue(type, out var keyword)) return keyword;
        if (type.IsArray) return Of(type.GetElementType()!, qualified) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        string name = type.Name;
        int tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        if (type.IsGenericType)
            name += "<" + string.Join(",", type.GetGenericArguments().Select(a => Of(a, qualified: false))) + ">";
        if (type.DeclaringType is { } outer && !type.IsGenericParameter) return Of(outer, qualified) + "." + name;
        return qualified && !string.IsNullOrEmpty(type.Namespace) ? type.Namespace + "." + name : name;
    }
}
