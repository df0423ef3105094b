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
internal static class RootScanner
{
    const int MaxObjects = 1_000_000;
    const BindingFlags StaticFields = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
    const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static void Scan(IEnumerable<Module> modules, Action<nuint> candidate)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        foreach (var module in modules)
        {
            Type?[] types;
            try { types = module.GetTypes(); }
            catch (ReflectionTypeLoadException e) { types = e.Types; }
            foreach (var type in types)
            {
                if (type is null || type.ContainsGenericParameters) continue;
                foreach (var field in SafeFields(type, StaticFields))
                {
                    if (field.IsLiteral) continue;
                    object? value;
                    try { value = field.GetValue(null); }
                    catch (Exception) { continue; }
                    Visit(field.FieldType, value, candidate, visited, pending);
                }
            }
        }
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
            case null or string or Type or MemberInfo or Delegate when value is not Delegate: return;
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

    public static IEnumerable<Module> InstrumentedModules()
    {
        for (int id = 1; ModuleRegistry.Get(id) is { } m; id++) yield return m;
    }
}
