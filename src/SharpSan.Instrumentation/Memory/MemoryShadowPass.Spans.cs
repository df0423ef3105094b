using System.Collections.Immutable;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Memory;

public sealed partial class MemoryShadowPass
{
    /// <summary>
    /// Writable spans handed to members outside the module that no interceptor models: the span's bytes become defined
    /// before the call (SpanWrites.Define), since the member may write them unseen (CommunityToolkit's Span2D.Fill
    /// fills native rows with Span&lt;T&gt;.Fill; left stale, their poison was reported when the sum came back).
    /// Reinterpretations (MemoryMarshal.AsBytes/Cast, conversions) are not writes and are left alone.
    /// </summary>
    /// <summary>A call outside the module that is handed a writable span (the cheap test Touches needs; the emitter refines it).</summary>
    static bool MayWriteSpan(Instruction i, MethodDefinition method) =>
        i.OpCode.Code is Code.Call or Code.Callvirt && i.Operand is MethodReference target && target.DeclaringType.Scope != method.Module
        && (target.Parameters.Any(p => Emitter.IsSpan(ValueKinds.Strip(p.ParameterType)))
            || target.HasThis && Emitter.IsSpan(target.DeclaringType) && Emitter.SpanWritingMethods.Contains(target.Name));

    sealed partial class Emitter
    {
        internal static readonly HashSet<string> SpanWritingMethods = ["Fill", "Clear", "Reverse", "CopyTo", "TryCopyTo"];

        void DefineWrittenSpans(Instruction i, List<Instruction> before)
        {
            if (i.OpCode.Code is not (Code.Call or Code.Callvirt) || i.Operand is not MethodReference target) return;
            if (target.DeclaringType.Scope == ctx.Method.Module || i.Previous is { OpCode.Code: Code.Constrained }) return;
            if (target.Name.StartsWith("op_", StringComparison.Ordinal) || target.DeclaringType.FullName == "System.Runtime.InteropServices.MemoryMarshal"
                && target.Name is not ("Write" or "TryWrite")) return;
            if (ctx.Module.Runtime.InterceptorsFor("memory").ContainsKey(SignatureKey.Of(target))) return;
            var generic = target as IGenericInstance;
            var types = target.Parameters.Select(p => CallSiteTypes.Of(ValueKinds.Strip(p.ParameterType), target.DeclaringType, generic)).ToList();
            var spans = Enumerable.Range(0, types.Count).Where(k => IsSpan(types[k])).ToList();
            bool receiver = target.HasThis && IsSpan(target.DeclaringType) && SpanWritingMethods.Contains(target.Name);
            if (spans.Count == 0 && !receiver || types.Any(t => t is null)) return;
            if (target.HasThis) types.Insert(0, target.DeclaringType.IsValueType || IsSpan(target.DeclaringType) ? new ByReferenceType(target.DeclaringType) : target.DeclaringType);
            int first = target.HasThis ? 1 : 0;
            var temps = types.Select(t => NewLocal(t!)).ToList();
            for (int k = temps.Count - 1; k >= 0; k--) before.Add(St(temps[k]));
            if (receiver) before.AddRange([Ld(temps[0]), Instruction.Create(OpCodes.Ldobj, target.DeclaringType), Instruction.Create(OpCodes.Call, DefineOf(target.DeclaringType))]);
            foreach (int k in spans) before.AddRange([Ld(temps[first + k]), Instruction.Create(OpCodes.Call, DefineOf(types[first + k]!))]);
            foreach (var t in temps) before.Add(Ld(t));
        }

        internal static bool IsSpan(TypeReference? type) => type is GenericInstanceType { ElementType.FullName: "System.Span`1" };

        MethodReference DefineOf(TypeReference span)
        {
            var define = new GenericInstanceMethod(ctx.Module.Entry("SharpSan.Runtime.Memory.SpanWrites", "Define"));
            define.GenericArguments.Add(((GenericInstanceType)span).GenericArguments[0]);
            return define;
        }
    }
}
