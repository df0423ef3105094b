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

    /// <summary>Called by instrumented code: returns the module's frame-key base (id already shifted).</summary>
    public static int Register(RuntimeTypeHandle anchorType)
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
