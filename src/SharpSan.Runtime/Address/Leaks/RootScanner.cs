using System.Reflection;
using System.Runtime.CompilerServices;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Address.Leaks;

/// <summary>
/// LeakSanitizer scans globals, stacks and registers for pointers. At process exit the stacks of .NET code
/// have unwound, so the roots left are static fields. This walks, by reflection, the object graph reachable
/// from the static fields of instrumented modules and yields every pointer-sized value it holds
/// (IntPtr/UIntPtr/pointer fields, SafeHandle handles, arrays of them). Bounded, exit-time only.
/// </summary>
public static class RootScanner
{
    const int MaxObjects = 1_000_000;
    const BindingFlags StaticFields = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
    const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    static readonly List<(Type Declared, object? Value)> s_threadStaticRoots = [];

    /// <summary>
    /// Called by instrumented code when the entry point returns, on the main thread. The exit-time scan runs on
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
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        try
        {
            foreach (var type in InstrumentedModules().SelectMany(ClosedTypes))
                foreach (var field in SafeFields(type, StaticFields))
                    if (field.IsDefined(typeof(ThreadStaticAttribute), false))
                        lock (s_threadStaticRoots) s_threadStaticRoots.Add((field.FieldType, field.GetValue(null)));
        }
        catch (Exception)
        {
            // Best effort: a missed root can only turn a reachable block into a reported leak.
        }
    }

    public static void Scan(IEnumerable<Module> modules, Action<nuint> candidate)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        foreach (var type in modules.SelectMany(ClosedTypes))
        {
            foreach (var field in SafeFields(type, StaticFields))
            {
                if (field.IsLiteral) continue;
                object? value;
                try { value = field.GetValue(null); }
                catch (Exception) { continue; }
                Visit(field.FieldType, value, candidate, visited, pending);
            }
        }
        lock (s_threadStaticRoots)
            foreach (var (declared, value) in s_threadStaticRoots) Visit(declared, value, candidate, visited, pending);
        while (pending.Count > 0 && visited.Count < MaxObjects)
        {
            object obj = pending.Pop();
            var type = obj.GetType();
            if (type.IsArray)
            {
                var element = type.GetElementType()!;
                if (!IsInteresting(element)) continue;
                foreach (object? item in (Array)obj) Visit(element, item, candidate, visited, pending);
                continue;
            }
            VisitFields(obj, type, candidate, visited, pending);
        }
    }

    static void VisitFields(object obj, Type type, Action<nuint> candidate, HashSet<object> visited, Stack<object> pending)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var field in SafeFields(t, InstanceFields))
            {
                object? value;
                try { value = field.GetValue(obj); }
                catch (Exception) { continue; }
                Visit(field.FieldType, value, candidate, visited, pending);
            }
    }

    static void Visit(Type declared, object? value, Action<nuint> candidate, HashSet<object> visited, Stack<object> pending)
    {
        switch (value)
        {
            case null or string or Type or MemberInfo: return;   // no pointers to native blocks in these
            case IntPtr p: candidate((nuint)(nint)p); return;
            case UIntPtr u: candidate((nuint)u); return;
            case Pointer ptr: unsafe { candidate((nuint)Pointer.Unbox(ptr)); } return;
        }
        if (declared.IsPointer && value is not null) return;
        var type = value!.GetType();
        if (type.IsPrimitive || type.IsEnum) return;
        if (type.IsValueType)
        {
            VisitFields(value, type, candidate, visited, pending);   // boxed copy, walked in place
            return;
        }
        if (visited.Count < MaxObjects && visited.Add(value)) pending.Push(value);
    }

    static bool IsInteresting(Type element) => !(element.IsPrimitive && element != typeof(IntPtr) && element != typeof(UIntPtr)) && element != typeof(string);

    static FieldInfo[] SafeFields(Type type, BindingFlags flags)
    {
        try { return type.GetFields(flags); }
        catch (Exception) { return []; }
    }

    /// <summary>
    /// The module's non-generic types, plus the closed generic instantiations its code mentions (TypeSpec rows,
    /// e.g. <c>Cache&lt;int&gt;</c>): static fields of generic types live per instantiation.
    /// </summary>
    static IEnumerable<Type> ClosedTypes(Module module)
    {
        Type?[] types;
        try { types = module.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = e.Types; }
        foreach (var type in types)
            if (type is not null && !type.ContainsGenericParameters) yield return type;
        int specs;
        try
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(module.Assembly.Location));
            specs = System.Reflection.Metadata.Ecma335.MetadataReaderExtensions.GetTableRowCount(
                System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe), System.Reflection.Metadata.Ecma335.TableIndex.TypeSpec);
        }
        catch (Exception) { yield break; }
        for (int row = 1; row <= specs; row++)
        {
            Type? spec = null;
            try { spec = module.ResolveType(0x1B000000 | row); }
            catch (Exception) { }
            if (spec is { IsConstructedGenericType: true, ContainsGenericParameters: false }) yield return spec;
        }
    }

    public static IEnumerable<Module> InstrumentedModules()
    {
        for (int id = 1; ModuleRegistry.Get(id) is { } m; id++) yield return m;
    }
}
