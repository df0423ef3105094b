using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Finds the framed methods that only framed methods of this module can call: nothing outside the assembly sees them
/// (private or internal, and no InternalsVisibleTo), nothing dispatches to them (not virtual, no explicit override: a static abstract member's implementation is called through its interface), no delegate or
/// function pointer points at them (no ldftn/ldvirtftn/ldtoken anywhere in the module), no tail call reaches them, the runtime does not call
/// them by itself (not a static constructor, the entry point, a module initializer or an UnmanagedCallersOnly
/// method), and every call to them sits in a framed method. Reflection (and another assembly's [UnsafeAccessor])
/// can still call them; an exception leaving one then keeps its frame on the shadow stack until checked code catches
/// or returns further down (lit case Stacks/ReflectedPrivateThrowsIntoUncheckedCatch).
/// </summary>
static class FramedCallers
{
    /// <summary>Attributes that do not make the runtime or a framework call the method.</summary>
    static readonly HashSet<string> s_inertAttributes =
    [
        "System.Runtime.CompilerServices.CompilerGeneratedAttribute", "System.Diagnostics.DebuggerHiddenAttribute",
        "System.Diagnostics.DebuggerStepThroughAttribute", "System.Diagnostics.DebuggerNonUserCodeAttribute",
        "System.Diagnostics.StackTraceHiddenAttribute", "System.Runtime.CompilerServices.NullableContextAttribute",
        "System.Runtime.CompilerServices.SkipLocalsInitAttribute", "System.Runtime.CompilerServices.IsReadOnlyAttribute",
        "System.Runtime.CompilerServices.AsyncStateMachineAttribute", "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        "System.Runtime.CompilerServices.MethodImplAttribute", "System.Runtime.Versioning.NonVersionableAttribute",
        "System.Runtime.TargetedPatchingOptOutAttribute", "System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute",
        "System.Diagnostics.Contracts.PureAttribute",
    ];

    public static HashSet<MethodDefinition> CalledOnlyFromFrames(ModuleDefinition module, HashSet<MethodDefinition> framed)
    {
        bool friends = module.Assembly.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.InternalsVisibleToAttribute");
        var candidates = framed.Where(m => m.Module == module && IsHidden(m, friends) && !IsCalledByRuntime(m, module)).ToHashSet();
        foreach (var type in module.GetTypes())
        foreach (var method in type.Methods)
        {
            if (!method.HasBody) continue;
            bool callerFramed = framed.Contains(method);
            foreach (var i in method.Body.Instructions)
            {
                if (i.Operand is not MethodReference reference || candidates.Count == 0) continue;
                if (Resolve(reference, module) is not { } target || !candidates.Contains(target)) continue;
                // A tail call leaves the caller's frame first: the target runs under whoever called the caller.
                bool directCall = i.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj && i.Previous is not { OpCode.Code: Code.Tail };
                if (!directCall || !callerFramed) candidates.Remove(target);
            }
        }
        return candidates;
    }

    static MethodDefinition? Resolve(MethodReference reference, ModuleDefinition module)
    {
        var element = reference.GetElementMethod();
        if (element is MethodDefinition definition) return definition;
        if (element.DeclaringType.Scope != module) return null;
        try { return element.Resolve(); } catch (AssemblyResolutionException) { return null; }
    }

    /// <summary>Not callable from another assembly (friends aside).</summary>
    static bool IsHidden(MethodDefinition method, bool friends)
    {
        if (method.IsPrivate) return true;
        if (friends) return false;
        if (method.IsAssembly || method.IsFamilyAndAssembly) return true;
        for (var type = method.DeclaringType; type is not null; type = type.DeclaringType)
            if (!(type.IsPublic || type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamilyOrAssembly)) return true;
        return false;
    }

    static bool IsCalledByRuntime(MethodDefinition method, ModuleDefinition module) =>
        method.IsVirtual || method.HasOverrides || (method.IsConstructor && method.IsStatic) || method == module.EntryPoint
        || method.CustomAttributes.Any(a => !s_inertAttributes.Contains(a.AttributeType.FullName));
}
