using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Redirects calls to intercepted BCL methods (native allocation, Marshal/Unsafe/Buffer accessors, spans over
/// pointers) to their SharpSan.Runtime replacements, as listed by the runtime's [Intercepts] attributes.
/// </summary>
public sealed class InterceptionPass(string sanitizer = "address") : IInstrumentationPass
{
    public string Name => "interception (" + sanitizer + ")";

    public void Run(MethodContext ctx)
    {
        var catalog = ctx.Module.Runtime.InterceptorsFor(sanitizer);
        foreach (var instruction in ctx.Method.Body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(instruction)) continue;
            if (instruction.Operand is not MethodReference target) continue;
            var code = instruction.OpCode.Code;
            if (code is not (Code.Call or Code.Callvirt or Code.Newobj or Code.Ldftn)) continue;
            if (!catalog.TryGetValue(SignatureKey.Of(target), out var interceptor)) continue;
            // A constrained. call dispatches on a generic receiver; leave it alone.
            if (instruction.Previous is { OpCode.Code: Code.Constrained }) continue;
            // The runtime's generic interceptors cannot take a ref struct type argument (no `allows ref struct` on
            // net8.0): redirecting would make the method invalid. Unsafe's accessors are checked in place instead
            // (ByRefLikeUnsafeCall, in the memory-access pass).
            if (RefTypes.HasByRefLikeArgument(target)) continue;
            // `call` to an overridable method is a base call (`base.Write(...)` in an override): the interceptor's own call is
            // virtual and would come back into the override, recursing until the stack overflows.
            if (code == Code.Call && target.HasThis && IsVirtual(target)) continue;
            // `call` to a class's constructor is a derived constructor's base(...) chain (RecyclableMemoryStream's
            // `: base(...)` into MemoryStream): there is no fresh object to replace; only value types are built that way.
            if (code == Code.Call && target.Name == ".ctor" && !IsValueType(target.DeclaringType)) continue;
            // An interceptor for an instance method takes the receiver as its first parameter.
            if (target.HasThis && target.Name != ".ctor" && interceptor.Parameters.Count != target.Parameters.Count + 1) continue;
            if (OlderThanTheRuntimeNeeds(target, interceptor)) continue;

            var replacement = Instantiate(ctx.Module.Import(interceptor), target);
            bool isConstructor = target.Name == ".ctor";
            if (isConstructor && code == Code.Call)
            {
                // call T::.ctor(args) on an address: the interceptor returns the value, stobj stores it there.
                instruction.OpCode = OpCodes.Call;
                instruction.Operand = replacement;
                ctx.Editor.InsertAfter(instruction, [Instruction.Create(OpCodes.Stobj, target.DeclaringType)]);
            }
            else if (isConstructor && code != Code.Newobj)
            {
                continue;
            }
            else
            {
                instruction.OpCode = code == Code.Ldftn ? OpCodes.Ldftn : OpCodes.Call;
                instruction.Operand = replacement;
            }
            ctx.Changed = true;
        }
    }

    /// <summary>
    /// Some rows are compiled against a NuGet package the runtime does not ship (System.IO.Hashing 8.0): a call into an
    /// older copy of that package keeps its own target, since the interceptor's reference would not bind to it.
    /// </summary>
    static readonly HashSet<string> s_packagesTheRuntimeDoesNotShip = ["System.IO.Hashing"];

    static bool OlderThanTheRuntimeNeeds(MethodReference target, MethodDefinition interceptor) =>
        target.DeclaringType.Scope is AssemblyNameReference used && s_packagesTheRuntimeDoesNotShip.Contains(used.Name)
        && interceptor.Module.AssemblyReferences.FirstOrDefault(r => r.Name == used.Name) is { } needed
        && used.Version < needed.Version;

    static bool IsVirtual(MethodReference target)
    {
        try
        {
            // Only an overridable method of a class can be a base call: a value type's interface methods are virtual
            // but sealed (int.TryFormat), and a sealed override has no override below it to recurse into.
            return target.Resolve() is { IsVirtual: true, IsFinal: false } method && !method.DeclaringType.IsValueType;
        }
        catch (AssemblyResolutionException)
        {
            return false;
        }
    }

    static bool IsValueType(TypeReference type)
    {
        try
        {
            return type.IsValueType || type.Resolve() is { IsValueType: true };
        }
        catch (AssemblyResolutionException)
        {
            return true;   // unknown: keep the old behaviour
        }
    }

    static MethodReference Instantiate(MethodReference interceptor, MethodReference target)
    {
        if (!interceptor.HasGenericParameters) return interceptor;
        var instance = new GenericInstanceMethod(interceptor);
        // The type's generic arguments first, then the method's (the interceptor declares them in that order).
        var arguments = new List<TypeReference>();
        if (target.DeclaringType is GenericInstanceType git) arguments.AddRange(git.GenericArguments);
        if (target is GenericInstanceMethod gim) arguments.AddRange(gim.GenericArguments);
        if (arguments.Count != interceptor.GenericParameters.Count)
            throw new InvalidOperationException($"cannot instantiate {interceptor.FullName} for {target.FullName}");
        foreach (var a in arguments) instance.GenericArguments.Add(a);
        return instance;
    }
}
