using System.Reflection;
using System.Runtime.CompilerServices;

namespace JitProbe;

/// <summary>Prepares (JIT-compiles) every method with a body of one assembly, over representative instantiations.</summary>
public sealed class AssemblyProbe(ProbeOutput output, bool trace)
{
    const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public void Probe(string folder, string fileName)
    {
        Assembly assembly;
        try
        {
            assembly = new FolderLoadContext(folder).LoadFromAssemblyPath(Path.Combine(folder, fileName));
        }
        catch (Exception e)
        {
            output.Fail(fileName, "<assembly>", e);
            return;
        }
        var instantiations = new Instantiations(assembly);
        foreach (var type in LoadableTypes(assembly, fileName).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (!type.IsGenericTypeDefinition)
            {
                ProbeMembers(fileName, type, [], instantiations);
                continue;
            }
            var typeArguments = instantiations.For(type.GetGenericArguments(), [], args => type.MakeGenericType(args)).ToList();
            if (typeArguments.Count == 0) output.Skip(fileName, Name(type), "no instantiation satisfies the type's constraints");
            foreach (var args in typeArguments) ProbeMembers(fileName, type, args, instantiations);
        }
    }

    IEnumerable<Type> LoadableTypes(Assembly assembly, string fileName)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            foreach (var failure in e.LoaderExceptions.OfType<Exception>().DistinctBy(x => x.Message))
                output.Fail(fileName, "<types>", failure);
            return e.Types.OfType<Type>();
        }
    }

    void ProbeMembers(string fileName, Type definition, Type[] typeArguments, Instantiations instantiations)
    {
        Type closed = typeArguments.Length == 0 ? definition : definition.MakeGenericType(typeArguments);
        var methods = definition.GetMethods(Declared).Cast<MethodBase>().Concat(definition.GetConstructors(Declared));
        foreach (var method in methods.OrderBy(m => m.MetadataToken))
        {
            if (!HasBody(method)) continue;
            if (!method.IsGenericMethodDefinition)
            {
                Prepare(fileName, method, typeArguments, []);
                continue;
            }
            var generic = (MethodInfo)MethodBase.GetMethodFromHandle(method.MethodHandle, closed.TypeHandle)!;
            var methodArguments = instantiations.For(generic.GetGenericArguments(), typeArguments, args => generic.MakeGenericMethod(args)).ToList();
            if (methodArguments.Count == 0)
                output.Skip(fileName, Name(method, typeArguments, []), "no instantiation satisfies the method's constraints");
            foreach (var args in methodArguments) Prepare(fileName, method, typeArguments, args);
        }
    }

    void Prepare(string fileName, MethodBase method, Type[] typeArguments, Type[] methodArguments)
    {
        string name = Name(method, typeArguments, methodArguments);
        if (trace) Console.Error.WriteLine("PREPARE " + name);
        try
        {
            if (typeArguments.Length + methodArguments.Length == 0)
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            else
                RuntimeHelpers.PrepareMethod(method.MethodHandle, [.. typeArguments.Concat(methodArguments).Select(t => t.TypeHandle)]);
            output.Ok();
        }
        catch (Exception e)
        {
            output.Fail(fileName, name, e);
        }
    }

    /// <summary>Abstract, runtime-implemented (delegates), internal-call and P/Invoke methods have no IL to compile.</summary>
    static bool HasBody(MethodBase method) =>
        !method.IsAbstract
        && (method.Attributes & MethodAttributes.PinvokeImpl) == 0
        && (method.MethodImplementationFlags & (MethodImplAttributes.InternalCall | MethodImplAttributes.Runtime)) == 0;

    static string Name(Type type) => type.FullName ?? type.Name;

    /// <summary>"Namespace.Type`1[int]::Method[string](Int32, T&amp;)": stable across the original and its instrumented copy.</summary>
    static string Name(MethodBase method, Type[] typeArguments, Type[] methodArguments)
    {
        string type = Name(method.DeclaringType!) + List(typeArguments);
        string parameters = string.Join(", ", method.GetParameters().Select(p => p.ParameterType.ToString()));
        return $"{type}::{method.Name}{List(methodArguments)}({parameters})";
    }

    static string List(Type[] types) => types.Length == 0 ? "" : "[" + string.Join(",", types.Select(t => t.ToString())) + "]";
}
