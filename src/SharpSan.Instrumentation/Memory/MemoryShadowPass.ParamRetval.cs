using System.Collections.Immutable;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Memory;

public sealed partial class MemoryShadowPass
{
    /// <summary>
    /// MSan's eager checks (clang's default since LLVM 16, <c>-fsanitize-memory-param-retval</c>): an undefined scalar
    /// passed to a method of this module, or returned, is reported at the call or the return, whether the callee uses
    /// it or not. Like clang, which checks only calls that survive inlining: no check at calls to, or returns from,
    /// methods the JIT inlines by contract (AggressiveInlining) and compiler-made accessors (a property getter that
    /// returns a field). Calls outside the module (the BCL, other packages) are checked the same way — clang checks any
    /// callee — except members that are builtins in C (<see cref="PropagatingMembers"/>: pointer arithmetic, byte swaps,
    /// SIMD, atomics, bit casts), members the BCL table models (their interceptors decide what is consumed) and
    /// formatting members (checked as formatting).
    /// </summary>
    sealed partial class Emitter
    {
        void CheckArguments(Instruction i, ImmutableArray<Slot> st, int pops, List<Instruction> before)
        {
            if (i.Operand is not MethodReference target || i.OpCode.Code == Code.Calli || IsPInvoke(i)) return;
            if (target.DeclaringType.Scope == ctx.Method.Module ? InlinedByContract(target) : !ChecksOutsideArguments(target)) return;
            for (int k = st.Length - pops; k < st.Length; k++)
                if (st[k].Tainted && ValueKinds.IsScalar(st[k].Kind)) Check(before, i, k, "Operand");
        }

        /// <summary>
        /// A call outside the module whose undefined scalar arguments are a use at the call. Unlike the module's own
        /// methods, AggressiveInlining does not exempt a BCL member (<c>Math.Max</c> is one): which BCL members are
        /// builtins is the propagate table's decision alone.
        /// </summary>
        bool ChecksOutsideArguments(MethodReference target) =>
            !PropagatingMembers.Contains(target) && !IsModelled(target) && !Formats(target)
            && !target.DeclaringType.Namespace.StartsWith("SharpSan", StringComparison.Ordinal);

        /// <summary>A scalar returned undefined, from a method that is not inlined by contract.</summary>
        void CheckReturn(Instruction ret, ImmutableArray<Slot> st, List<Instruction> before)
        {
            if (st.Length == 1 && st[0].Tainted && ValueKinds.IsScalar(st[0].Kind) && !InlinedByContract(ctx.Method)) Check(before, ret, 0, "Operand");
        }

        static bool InlinedByContract(MethodReference method)
        {
            MethodDefinition? definition;
            try { definition = method.Resolve(); }
            catch (AssemblyResolutionException) { return true; }
            if (definition is null) return true;
            if ((definition.ImplAttributes & MethodImplAttributes.AggressiveInlining) != 0) return true;
            return definition.IsGetter && definition.HasBody && definition.Body.Instructions.Count(i => i.OpCode.Code != Code.Nop) <= 3
                && definition.Body.Instructions.Any(i => i.OpCode.Code is Code.Ldfld or Code.Ldsfld);
        }
    }
}
