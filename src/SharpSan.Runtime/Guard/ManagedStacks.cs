using System.Diagnostics;
using System.Reflection;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Guard;

/// <summary>
/// Guard mode keeps no shadow call stack, so its stacks come from a real capture (<see cref="StackTrace"/>), taken only
/// at the rare moments that need one: a sampled allocation, its free, a report. A sampled allocation's stack is taken
/// without file information (methods and IL offsets only: a capture with it reads PDBs and cost ~2 ms a sample) and
/// symbolized only if a report prints it (<see cref="CapturedStack"/>).
/// </summary>
internal static class ManagedStacks
{
    static readonly Assembly s_runtime = typeof(ManagedStacks).Assembly;

    /// <summary>The calling thread's frames outside SharpSan.Runtime, innermost first, with <paramref name="apiFrame"/> (the intercepted BCL call) on top.</summary>
    public static SymbolizedFrame[] Capture(string apiFrame, int maxFrames) => CaptureLazily(apiFrame, maxFrames).Frames;

    /// <summary>As <see cref="Capture"/>, symbolized when first printed.</summary>
    public static CapturedStack CaptureLazily(string apiFrame, int maxFrames) =>
        new(apiFrame, new StackTrace(1, fNeedFileInfo: false).GetFrames(), maxFrames);

    internal static SymbolizedFrame[] Symbolize(string apiFrame, StackFrame[] trace, int maxFrames)
    {
        var frames = new List<SymbolizedFrame>(Math.Min(trace.Length + 1, maxFrames)) { Synthetic(apiFrame) };
        foreach (var frame in trace)
        {
            if (frames.Count >= maxFrames) break;
            var method = frame.GetMethod();
            if (method is null || method.Module.Assembly == s_runtime) continue;
            int il = Math.Max(frame.GetILOffset(), 0);
            string location = method.Module.Assembly.IsDynamic ? "" : method.Module.Assembly.Location;
            frames.Add(location.Length > 0 && TokenOf(method) is int token
                ? Symbolizer.SymbolizeInFile(location, token, il)
                : new SymbolizedFrame(il, Describe(method), null, 0, method.Module.Name));
        }
        return [.. frames];
    }

    /// <summary>The method's metadata token, or null for a method made at run time (asking those throws).</summary>
    static int? TokenOf(MethodBase method)
    {
        try { return method.MetadataToken; }
        catch (InvalidOperationException) { return null; }
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

/// <summary>A stack taken at a sampled allocation or free: symbolized (PDBs read) only when a report prints it.</summary>
internal sealed class CapturedStack(string apiFrame, StackFrame[] frames, int maxFrames)
{
    SymbolizedFrame[]? _symbolized;

    public SymbolizedFrame[] Frames
    {
        get
        {
            lock (this) return _symbolized ??= ManagedStacks.Symbolize(apiFrame, frames, maxFrames);
        }
    }
}
