using Mono.Cecil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Pipeline;

/// <summary>
/// SharpSan.Runtime.dll as the rewriter sees it: the entry points instrumented code calls and the catalog of
/// interceptors, read from its [Intercepts] attributes.
/// <para>
/// Read on first use: a run that finds its instrumented copy cached never needs the module, and reading it (with
/// Cecil's JIT-compiled reader) was the largest part of that run's start-up.
/// </para>
/// </summary>
public sealed class RuntimeLibrary
{
    public const string AssemblyName = "SharpSan.Runtime";

    readonly Lazy<ModuleDefinition> _module;
    readonly Lazy<Dictionary<string, MethodDefinition>> _address, _thread, _guard, _memory;

    public RuntimeLibrary(string path)
    {
        Path = path;
        Version = System.Reflection.AssemblyName.GetAssemblyName(path).Version?.ToString() ?? "0.0.0.0";
        _module = new(() => ModuleDefinition.ReadModule(path, new ReaderParameters { ReadingMode = ReadingMode.Deferred }));
        _address = new(() => BuildCatalog(Module, "address"));
        _thread = new(() => BuildCatalog(Module, "thread"));
        _guard = new(() => BuildCatalog(Module, "guard"));
        _memory = new(() => BuildCatalog(Module, "memory"));
    }

    /// <summary>The runtime next to the rewriter's own assembly (where the CLI ships it).</summary>
    public static RuntimeLibrary Default() =>
        new(System.IO.Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll"));

    public string Path { get; }
    public string Version { get; }
    public ModuleDefinition Module => _module.Value;

    /// <summary>Signature key of a BCL method → the runtime method replacing it.</summary>
    public IReadOnlyDictionary<string, MethodDefinition> Interceptors => _address.Value;

    /// <summary>The same for ThreadSanitizer's interceptors (synchronisation: locks, threads, tasks, …).</summary>
    public IReadOnlyDictionary<string, MethodDefinition> ThreadInterceptors => _thread.Value;

    /// <summary>The same for guard mode's interceptors (the native allocation APIs, to the hardened allocator).</summary>
    public IReadOnlyDictionary<string, MethodDefinition> GuardInterceptors => _guard.Value;

    /// <summary>The same for MemorySanitizer's interceptors (sources of undefined bytes, copies, consumers).</summary>
    public IReadOnlyDictionary<string, MethodDefinition> MemoryInterceptors => _memory.Value;

    /// <summary>
    /// The interceptors of one mode, or — for a comma-separated combination such as <c>address,memory</c> — the
    /// union of its modes' catalogs (see <see cref="CombinedCatalog"/>).
    /// </summary>
    public IReadOnlyDictionary<string, MethodDefinition> InterceptorsFor(string sanitizer) => sanitizer switch
    {
        "thread" => ThreadInterceptors,
        "guard" => GuardInterceptors,
        "memory" => MemoryInterceptors,
        _ when sanitizer.Contains(',') => _combined.GetOrAdd(sanitizer, s => CombinedCatalog.Build(Module, s.Split(','), BuildCatalog).Interceptors),
        _ => Interceptors,
    };

    /// <summary>Members that two of the combination's modes intercept differently and no combined interceptor serves.</summary>
    public IReadOnlyList<string> UnresolvedConflicts(string sanitizers) => CombinedCatalog.Build(Module, sanitizers.Split(','), BuildCatalog).Conflicts;

    readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyDictionary<string, MethodDefinition>> _combined = new();

    public TypeDefinition Type(string fullName) =>
        Module.GetType(fullName) ?? throw new InvalidOperationException($"{AssemblyName} lacks {fullName}");

    public MethodDefinition Method(string typeFullName, string name, int parameters = -1) =>
        Type(typeFullName).Methods.Single(m => m.Name == name && (parameters < 0 || m.Parameters.Count == parameters));

    internal static Dictionary<string, MethodDefinition> BuildCatalog(ModuleDefinition runtime, string sanitizer)
    {
        var catalog = new Dictionary<string, MethodDefinition>();
        foreach (var type in runtime.Types)
        foreach (var method in type.Methods)
        {
            var attribute = method.CustomAttributes.FirstOrDefault(a => a.AttributeType.Name == "InterceptsAttribute");
            if (attribute is null) continue;
            string owner = attribute.Properties.FirstOrDefault(p => p.Name == "Sanitizer").Argument.Value as string ?? "address";
            if (!owner.Split(',').Contains(sanitizer)) continue;   // "address,thread,guard": one interceptor for several modes
            string targetType = (string)attribute.ConstructorArguments[0].Value;
            string targetMethod = (string)attribute.ConstructorArguments[1].Value;
            // Constructor interceptors take the constructor's parameters; generic parameters of a generic
            // type's constructor appear as the interceptor's method generic parameters.
            bool instance = attribute.Properties.Any(p => p.Name == "Instance" && p.Argument.Value is true);
            var parameters = method.Parameters.Skip(instance ? 1 : 0).Select(p => p.ParameterType);
            // Static members of a generic type (Span<T>.op_Implicit) follow the constructors' convention too.
            // Instance methods of a generic type (Task<T>.Result) too: their T is the interceptor's method generic.
            // The interceptor's first generic parameters stand for the type's (!0, !1, …), any further ones for the
            // target method's own (Task<T>.ContinueWith<TNew>: interceptor <T, TNew>, key uses !0 and !!0).
            int typeArity = targetMethod == ".ctor" || targetType.Contains('`') ? TypeArity(targetType) : 0;
            string key = System.Text.RegularExpressions.Regex.Replace(SignatureKey.Of(targetType, targetMethod, parameters), @"!!(\d+)",
                m => int.Parse(m.Groups[1].Value) is var k && k < typeArity ? "!" + k : "!!" + (k - typeArity));
            catalog[key] = method;
        }
        return catalog;
    }

    /// <summary>Generic parameters of a type named like <c>Outer`1/Inner</c> or <c>System.Task`1</c> (nested arities add up).</summary>
    static int TypeArity(string typeName) => typeName.Split('/').Sum(ArityOf);

    static int ArityOf(string part)
    {
        int tick = part.LastIndexOf('`');
        return tick >= 0 && int.TryParse(part[(tick + 1)..], out int n) ? n : 0;
    }
}
