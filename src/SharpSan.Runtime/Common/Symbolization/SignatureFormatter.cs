using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace SharpSan.Runtime.Common.Symbolization;

/// <summary>Decodes metadata signatures into C# spelling: <c>Demo.Parser.Fill(byte*, int)</c>.</summary>
internal sealed class SignatureFormatter : ISignatureTypeProvider<string, GenericNames?>
{
    public static readonly SignatureFormatter Instance = new();

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.IntPtr => "nint",
        PrimitiveTypeCode.UIntPtr => "nuint",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.TypedReference => "TypedReference",
        _ => typeCode.ToString(),
    };

    // In a signature a generic type appears with its arguments (GetGenericInstantiation adds them), so no "<T>" here.
    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(reader, handle, withParameters: false);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var r = reader.GetTypeReference(handle);
        string name = StripArity(reader.GetString(r.Name));
        if (r.ResolutionScope.Kind == HandleKind.TypeReference)
            return GetTypeFromReference(reader, (TypeReferenceHandle)r.ResolutionScope, 0) + "." + name;
        string ns = reader.GetString(r.Namespace);
        return WellKnown(ns, name) ?? (ns.Length > 0 ? ns + "." + name : name);
    }

    public string GetTypeFromSpecification(MetadataReader reader, GenericNames? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, context);

    public string GetSZArrayType(string elementType) => elementType + "[]";
    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
    public string GetByReferenceType(string elementType) => "ref " + elementType;
    public string GetPointerType(string elementType) => elementType + "*";
    public string GetPinnedType(string elementType) => elementType;
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(", ", typeArguments) + ">";
    public string GetGenericMethodParameter(GenericNames? context, int index) => context?.Method.ElementAtOrDefault(index) ?? "!!" + index;
    public string GetGenericTypeParameter(GenericNames? context, int index) => context?.Type.ElementAtOrDefault(index) ?? "!" + index;
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    public string GetFunctionPointerType(MethodSignature<string> signature) => "delegate*<" + string.Join(", ", signature.ParameterTypes.Append(signature.ReturnType)) + ">";

    public static string TypeName(MetadataReader reader, TypeDefinitionHandle handle, bool withParameters = true)
    {
        var t = reader.GetTypeDefinition(handle);
        string name = StripArity(reader.GetString(t.Name));
        var generics = t.GetGenericParameters();
        if (generics.Count > 0 && withParameters)
        {
            // Only the type's own parameters (nested types repeat their parents').
            var own = generics.Select(g => reader.GetString(reader.GetGenericParameter(g).Name)).ToArray();
            name += "<" + string.Join(", ", own) + ">";
        }
        var declaring = t.GetDeclaringType();
        if (!declaring.IsNil) return TypeName(reader, declaring, withParameters) + "." + name;
        string ns = reader.GetString(t.Namespace);
        return ns.Length > 0 ? ns + "." + name : name;
    }

    static string StripArity(string name)
    {
        int tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    static string? WellKnown(string ns, string name) => ns == "System" ? name switch
    {
        "IntPtr" => "nint",
        "UIntPtr" => "nuint",
        _ => null,
    } : null;
}

/// <summary>Names of the generic parameters in scope, so signatures print <c>T</c> rather than <c>!!0</c>.</summary>
internal sealed record GenericNames(string[] Type, string[] Method);
