using Mono.Cecil;

namespace SharpSan.Instrumentation.Pipeline;

/// <summary>
/// Cecil importer that maps the runtime's references to framework assemblies (it is compiled against
/// net8.0) onto the checked module's own references, so no second System.Runtime reference is added.
/// </summary>
internal sealed class RuntimeImporter(ModuleDefinition module) : DefaultMetadataImporter(module)
{
    static readonly HashSet<string> s_corlibNames = ["System.Runtime", "System.Private.CoreLib", "netstandard", "mscorlib"];

    public override AssemblyNameReference ImportReference(AssemblyNameReference name)
    {
        var existing = module.AssemblyReferences.FirstOrDefault(r => r.Name == name.Name);
        if (existing is not null) return existing;
        if (s_corlibNames.Contains(name.Name) && module.TypeSystem.CoreLibrary is AssemblyNameReference corlib) return corlib;
        return base.ImportReference(name);
    }

    internal sealed class Provider : IMetadataImporterProvider
    {
        public IMetadataImporter GetMetadataImporter(ModuleDefinition module) => new RuntimeImporter(module);
    }
}
