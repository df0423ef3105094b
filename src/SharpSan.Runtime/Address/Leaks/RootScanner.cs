using System.Reflection;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Address.Leaks;

/// <summary>
/// LeakSanitizer scans globals, stacks and registers for pointers. At process exit the stacks of .NET code have
/// unwound, so the roots left are static fields (and [ThreadStatic] values, see <see cref="ThreadStaticRoots"/>).
/// <see cref="RootScan"/> walks the object graph reachable from the statics of instrumented modules and yields every
/// word that may be a native pointer. Exit-time only.
/// </summary>
public static class RootScanner
{
    /// <summary>
    /// Called by instrumented code when the entry point returns, on the main thread. The exit-time scan may run on
    /// another thread and cannot see the main thread's [ThreadStatic] fields, so their values are kept here; and
    /// .NET runs no finalizers at exit, so this is the last chance for finalizers and SafeHandles to free what
    /// they own before leaks are counted.
    /// </summary>
    public static void CaptureThreadStatics()
    {
        try
        {
            Common.InternalErrors.Inject(CaptureSite);
            CaptureThreadStaticsChecked();
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CaptureSite, e, Common.LostTracking.Leaks))
        {
            // Roots may be missing: leaks are no longer reported.
        }
    }

    const string CaptureSite = "RootScanner.CaptureThreadStatics";

    static void CaptureThreadStaticsChecked()
    {
        // Nothing allocated and still live: no leak check will need roots, so stay out of the exit path.
        if (!SanitizerRuntime.Options.DetectLeaks || Address.AddressSanitizer.Heap.LiveCount == 0) return;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            ThreadStaticRoots.CaptureHere(ThreadStaticRoots.Fields(InstrumentedModules().SelectMany(StaticRootTypes.Direct)));
        }
        catch (Exception)
        {
            // Best effort: a missed root can only turn a reachable block into a reported leak.
        }
    }

    /// <summary>Every root of <paramref name="modules"/>, both stages of <see cref="RootScan"/>, for callers that want them all.</summary>
    public static void Scan(IEnumerable<Module> modules, Action<nuint> candidate)
    {
        var scan = new RootScan([.. modules], candidate);
        scan.Statics();
        scan.MoreRoots();
    }

    public static IEnumerable<Module> InstrumentedModules()
    {
        for (int id = 1; ModuleRegistry.Get(id) is { } m; id++) yield return m;
    }
}

/// <summary>
/// One exit-time root scan in two stages. <see cref="Statics"/> reads the statics of the types the modules name and
/// the [ThreadStatic] values captured so far. <see cref="MoreRoots"/>, worth its cost only when blocks are still
/// unreached, adds generic instantiations that only running generic code creates and the [ThreadStatic] values of
/// idle thread-pool threads. A root that cannot be read is skipped and named by <see cref="Warning"/>.
/// </summary>
internal sealed class RootScan(IReadOnlyCollection<Module> modules, Action<nuint> candidate)
{
    const BindingFlags StaticFields = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    readonly RootWalk _walk = new(candidate);
    readonly HashSet<Type> _types = [];
    readonly List<FieldInfo> _threadStaticFields = [];

    public void Statics()
    {
        foreach (var module in modules)
            foreach (var type in StaticRootTypes.Direct(module))
                if (_types.Add(type)) StaticsOf(type);
        _threadStaticFields.AddRange(ThreadStaticRoots.Fields(_types));
        foreach (var (field, value) in ThreadStaticRoots.Captured) _walk.Root(value, Name(field));
        _walk.Drain();
    }

    public void MoreRoots()
    {
        List<Type> instantiations;
        try { instantiations = StaticRootTypes.ThroughGenericCode(modules, _types); }
        catch (Exception) { instantiations = []; }
        foreach (var type in instantiations)
            if (_types.Add(type)) StaticsOf(type);
        _threadStaticFields.AddRange(ThreadStaticRoots.Fields(instantiations));
        int before = ThreadStaticRoots.Captured.Count;
        ThreadStaticRoots.CaptureOnPoolThreads(_threadStaticFields, TimeSpan.FromSeconds(1));
        foreach (var (field, value) in ThreadStaticRoots.Captured.Skip(before)) _walk.Root(value, Name(field));
        _walk.Drain();
    }

    /// <summary>One line about roots that could not be read, or null when all were.</summary>
    public string? Warning()
    {
        var parts = new List<string>();
        if (_walk.Unreadable.Count > 0) parts.Add($"could not read {_walk.Unreadable.Count} root(s) at exit: {_walk.Unreadable.Describe()}");
        if (_walk.Truncated) parts.Add($"stopped following the object graph after {RootWalk.MaxObjects} objects");
        return parts.Count == 0 ? null : string.Join("; ", parts) + "; blocks reachable only from them may be reported as leaks";
    }

    /// <summary>[ThreadStatic] fields that may hold pointers: other live threads' values of them were not read.</summary>
    public IReadOnlyList<string> ThreadStaticFieldNames => [.. _threadStaticFields.Select(Name).Distinct()];

    void StaticsOf(Type type)
    {
        foreach (var field in RootTypes.SafeFields(type, StaticFields))
        {
            if (field.IsLiteral) continue;
            object? value;
            try
            {
                if (RootTypes.Shape(field.FieldType) == RootShape.Nothing) continue;
                value = field.GetValue(null);
            }
            catch (Exception e)
            {
                _walk.Unreadable.Add(Name(field), e is TargetInvocationException { InnerException: { } inner } ? inner : e);
                continue;
            }
            _walk.Root(value, Name(field));
        }
    }

    static string Name(FieldInfo field) => RootWalk.TypeName(field.DeclaringType!) + "." + field.Name;
}
