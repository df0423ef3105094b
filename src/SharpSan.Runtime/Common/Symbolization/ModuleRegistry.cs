using System.Reflection;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Common.Symbolization;

/// <summary>
/// Instrumented modules register themselves on first use (from a static readonly field the rewriter adds),
/// receiving the id that forms the high bits of their frame keys.
/// </summary>
public static class ModuleRegistry
{
    static readonly List<Module> s_modules = [];

    const string Site = "ModuleRegistry.Register";

    /// <summary>An id no module gets: frames of a module whose registration failed are printed as unknown.</summary>
    const int UnknownModuleId = 1000;

    /// <summary>
    /// Called by instrumented code (its module's type constructor): returns the module's frame-key base (id already
    /// shifted). It must not fail: a type constructor that throws would break every instrumented method of the module.
    /// </summary>
    public static int Register(RuntimeTypeHandle anchorType)
    {
        try
        {
            InternalErrors.Inject(Site);
            return RegisterChecked(anchorType);
        }
        catch (Exception e) when (InternalErrors.Contain(Site, e))
        {
            return UnknownModuleId << ShadowStack.ModuleShift;
        }
    }

    static int RegisterChecked(RuntimeTypeHandle anchorType)
    {
        SanitizerRuntime.EnsureInitialized();
        var module = Type.GetTypeFromHandle(anchorType)!.Module;
        lock (s_modules)
        {
            int id = s_modules.IndexOf(module);
            if (id < 0)
            {
                id = s_modules.Count;
                s_modules.Add(module);
            }
            return (id + 1) << ShadowStack.ModuleShift;   // id 0 is never used, so key 0 means "no frame"
        }
    }

    public static Module? Get(int moduleId)
    {
        lock (s_modules) return moduleId >= 1 && moduleId <= s_modules.Count ? s_modules[moduleId - 1] : null;
    }
}
