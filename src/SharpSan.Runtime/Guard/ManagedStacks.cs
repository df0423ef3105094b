using System.Diagnostics;
using System.Reflection;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Guard;

/// <summary>
/// Guard mode keeps no shadow call stack, so its stacks come from a real capture (<see cref="StackTrace"/> with file
/// information), taken only at the rare moments that need one: a sampled allocation, its free, a report.
/// </summary>
internal static class ManagedStacks
{
    static readonly Assembly s_runtime = typeof(ManagedStacks).Assembly;

    /// <summary>The calling thread's frames outside SharpSan.Runtime, innermost first, with <paramref name="apiFrame"/> (the intercepted BCL call) on top.</summary>
    public static SymbolizedFrame[] Capture(string apiFrame, int maxFrames)
    {
        var trace = new StackTrace(1, fNeedFileInfo: true);
        var frames = new List<SymbolizedFrame>(Math.Min(trace.FrameCount + 1, maxFrames)) { Synthetic(apiFrame) };
        foreach (var frame in trace.GetFrames())
        {
            if (frames.Count >= maxFrames) break;
            var method = frame.GetMethod();
            if (method is null || method.Module.Assembly == s_runtime) continue;
            frames.Add(new SymbolizedFrame(Math.Max(frame.GetILOffset(), 0), Describe(method), frame.GetFileName(), frame.GetFileLineNumber(), method.Module.Name));
        }
        return [.. frames];
    }

    public static SymbolizedFrame Synthetic(string name) => new(0, name, null, 0, "SharpSan.Runtime");

    static string Describe(MethodBase method)
    {
        string type = method.DeclaringType is { } t ? TypeName(t) + "." : "";
        string generic = method.IsGenericMethod ? "<" + string.Join(", ", method.GetGenericArguments().Select(TypeName)) + ">" : "";
        return $"{type}{method.Name}{generic}({string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)))})";
    }

    static string TypeName(Type t)
    {
        if (t.IsPointer) return TypeName(t.GetElementType()!) + "*";
        if (t.IsByRef) return "ref " + TypeName(t.GetElementType()!);
        if (t.IsArray) return TypeName(t.GetElementType()!) + "[" + new string(',', t.GetArrayRank() - 1) + "]";
        string? keyword = Type.GetTypeCode(t) switch
        {
            TypeCode.Boolean => "bool", TypeCode.Byte => "byte", TypeCode.SByte => "sbyte", TypeCode.Char => "char",
            TypeCode.Int16 => "short", TypeCode.UInt16 => "ushort", TypeCode.Int32 => "int", TypeCode.UInt32 => "uint",
            TypeCode.Int64 => "long", TypeCode.UInt64 => "ulong", TypeCode.Single => "float", TypeCode.Double => "double",
            TypeCode.Decimal => "decimal", TypeCode.String => "string", _ => null,
        };
        if (keyword is not null) return keyword;
        if (t == typeof(object)) return "object";
        if (t == typeof(void)) return "void";
        if (t == typeof(nint)) return "nint";
        if (t == typeof(nuint)) return "nuint";
        if (t.IsGenericParameter) return t.Name;
        string name = t.IsNested && t.DeclaringType is { } outer ? TypeName(outer) + "." + t.Name : (t.Namespace is { Length: > 0 } ns ? ns + "." : "") + t.Name;
        int tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        return t.IsGenericType ? name + "<" + string.Join(", ", t.GetGenericArguments().Select(TypeName)) + ">" : name;
    }
}
