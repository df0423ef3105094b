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
    /// returns a field). Calls outside the module are not checked here: the BCL's pure helpers (Math.Max,
    /// BinaryPrimitives.ReverseEndianness, …) are builtins in C, and its consumers are checked by their interceptors.
    /// </summary>
    sealed partial class Emitter
    {
        void CheckArguments(Instruction i, ImmutableArray<Slot> st, int pops, List<Instruction> before)
        {
            if (i.Operand is not MethodReference target || i.OpCode.Code == Code.Calli || target.DeclaringType.Scope != ctx.Method.Module) return;
            if (IsPInvoke(i) || InlinedByContract(target)) return;
            for (int k = st.Length - pops; k < st.Length; k++)
                if (st[k].Tainted && ValueKinds.IsScalar(st[k].Kind)) Check(before, i, k, "Operand");
        }

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
