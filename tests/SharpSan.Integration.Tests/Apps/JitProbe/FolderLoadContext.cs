using System.Reflection;
using System.Runtime.Loader;

namespace JitProbe;

/// <summary>
/// Loads assemblies from one folder (the probed app's output or its instrumented copy); anything not there comes from
/// the default context, i.e. the shared framework the probe runs on. A framework assembly is always the framework's,
/// as it is when the app runs (an older copy in the folder would lose to it anyway).
/// </summary>
public sealed class FolderLoadContext(string folder) : AssemblyLoadContext($"probe:{folder}")
{
    static readonly HashSet<string> s_framework = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    protected override Assembly? Load(AssemblyName name)
    {
        if (name.Name is null || s_framework.Contains(name.Name)) return null;
        string candidate = Path.Combine(folder, name.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
