using Mono.Cecil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// Resolution that tolerates missing assemblies: a reference into an assembly the resolver cannot find is treated as
/// unknown (null) instead of failing the rewrite of the whole module.
/// </summary>
public static class Resolution
{
    public static FieldDefinition? TryResolve(this FieldReference field)
    {
        try { return field.Resolve(); } catch (AssemblyResolutionException) { return null; }
    }

    public static TypeDefinition? TryResolve(this TypeReference type)
    {
        try { return type.Resolve(); } catch (AssemblyResolutionException) { return null; }
    }

    public static MethodDefinition? TryResolve(this MethodReference method)
    {
        try { return method.Resolve(); } catch (AssemblyResolutionException) { return null; }
    }
}
