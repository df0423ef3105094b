namespace SharpSan.Runtime.Address.Pools;

/// <summary>C# spelling of element types in reports ("byte[32]" rather than "System.Byte[32]").</summary>
internal static class ElementNames
{
    public static string Of(Type t) => t.IsEnum ? t.FullName ?? t.Name : Type.GetTypeCode(t) switch
    {
        TypeCode.Byte => "byte", TypeCode.SByte => "sbyte", TypeCode.Char => "char", TypeCode.Boolean => "bool",
        TypeCode.Int16 => "short", TypeCode.UInt16 => "ushort", TypeCode.Int32 => "int", TypeCode.UInt32 => "uint",
        TypeCode.Int64 => "long", TypeCode.UInt64 => "ulong", TypeCode.Single => "float", TypeCode.Double => "double",
        TypeCode.Decimal => "decimal", TypeCode.String => "string",
        _ => t == typeof(object) ? "object" : t.FullName ?? t.Name,
    };
}
