using Mono.Cecil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// Classes whose instances the GC finalizes: a finalizer declared on the class or a base class, or a base that the
/// runtime finalizes itself (SafeHandle, CriticalFinalizerObject). A base that cannot be resolved counts as not
/// finalizable (no instrumentation rather than a wrong one).
/// </summary>
public sealed class FinalizableTypes
{
    const string SafeHandle = "System.Runtime.InteropServices.SafeHandle";
    const string CriticalFinalizerObject = "System.Runtime.ConstrainedExecution.CriticalFinalizerObject";

    readonly Dictionary<TypeDefinition, bool> _known = [];

    public bool IsFinalizable(TypeDefinition type)
    {
        if (type.IsValueType || type.IsInterface) return false;
        if (_known.TryGetValue(type, out bool known)) return known;
        bool result = Classify(type);
        _known[type] = result;
        return result;
    }

    bool Classify(TypeDefinition type)
    {
        if (type.FullName is SafeHandle or CriticalFinalizerObject) return true;
        if (type.FullName == "System.Object") return false;
        if (type.Methods.Any(IsFinalizer)) return true;
        return type.BaseType?.TryResolve() is { } baseType && IsFinalizable(baseType);
    }

    /// <summary><c>~T()</c>: the override of Object.Finalize.</summary>
    public static bool IsFinalizer(MethodDefinition m) =>
        m is { Name: "Finalize", HasParameters: false, IsVirtual: true, IsStatic: false, HasGenericParameters: false }
        && m.ReturnType.MetadataType == MetadataType.Void && m.DeclaringType.FullName != "System.Object";

    /// <summary>An override of SafeHandle.ReleaseHandle (what SafeHandle's finalizer calls to free).</summary>
    public static bool IsReleaseHandle(MethodDefinition m) =>
        m is { Name: "ReleaseHandle", HasParameters: false, IsVirtual: true, IsStatic: false }
        && m.ReturnType.MetadataType == MetadataType.Boolean;
}
