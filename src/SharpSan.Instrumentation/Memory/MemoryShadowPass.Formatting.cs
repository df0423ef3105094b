using System.Collections.Immutable;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Memory;

public sealed partial class MemoryShadowPass
{
    /// <summary>
    /// Formatting a primitive is a use (its digits leave checked code as text): an undefined scalar given to the BCL's
    /// formatting members — <c>x.ToString()</c>/<c>TryFormat</c> of a primitive, interpolation handlers'
    /// <c>AppendFormatted</c>, <c>string.Format</c>/<c>Concat</c> and <c>Console</c>/<c>TextWriter</c>/<c>StringBuilder</c>
    /// writes of a boxed or plain primitive, <c>Convert.ToString</c>, <c>Utf8Formatter.TryFormat</c> — is reported at the
    /// call. A boxed value counts only when the box goes straight into such a call (in the same block); a box stored
    /// anywhere else is not followed (a miss, never a false report).
    /// </summary>
    sealed partial class Emitter
    {
        HashSet<Instruction>? _branchTargets;

        static readonly HashSet<string> s_primitives =
        [
            "System.Boolean", "System.Char", "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
            "System.Int64", "System.UInt64", "System.IntPtr", "System.UIntPtr", "System.Single", "System.Double", "System.Decimal",
            "System.Int128", "System.UInt128", "System.Half",
        ];

        /// <summary>The BCL's formatting members (type, then member names).</summary>
        static readonly Dictionary<string, string[]> s_formatting = new()
        {
            ["System.String"] = ["Format", "Concat"],
            ["System.Console"] = ["Write", "WriteLine"],
            ["System.IO.TextWriter"] = ["Write", "WriteLine"],
            ["System.Text.StringBuilder"] = ["Append", "AppendFormat", "AppendLine", "Insert"],
            ["System.Text.StringBuilder/AppendInterpolatedStringHandler"] = ["AppendFormatted"],
            ["System.Runtime.CompilerServices.DefaultInterpolatedStringHandler"] = ["AppendFormatted"],
            ["System.Buffers.Text.Utf8Formatter"] = ["TryFormat"],
            ["System.Convert"] = ["ToString"],
        };

        static bool Formats(MethodReference target)
        {
            string type = target.DeclaringType.GetElementType().FullName;
            if (s_primitives.Contains(type)) return target.Name is "ToString" or "TryFormat";
            return s_formatting.TryGetValue(type, out var names) && names.Contains(target.Name);
        }

        /// <summary>A call to a formatting member: each undefined scalar argument is a use.</summary>
        void CheckFormattedArguments(Instruction call, ImmutableArray<Slot> st, int pops, List<Instruction> before)
        {
            if (call.Operand is not MethodReference target || call.OpCode.Code == Code.Calli || target.DeclaringType.Scope == ctx.Method.Module || !Formats(target)) return;
            for (int k = st.Length - pops; k < st.Length; k++)
                if (st[k].Tainted && ValueKinds.IsScalar(st[k].Kind)) Check(before, call, k, "Operand");
        }

        /// <summary><c>box</c> of an undefined primitive whose object goes straight into a formatting call: a use.</summary>
        void CheckBoxedForFormatting(Instruction box, ImmutableArray<Slot> st, List<Instruction> before)
        {
            int n = st.Length;
            if (!st[n - 1].Tainted || !ValueKinds.IsScalar(st[n - 1].Kind)) return;
            var consumer = ConsumerOf(box) switch
            {
                { OpCode.Code: Code.Stelem_Ref } store => CallTakingArguments(store),
                { OpCode.Code: Code.Stind_Ref } store => CallTakingInlineArguments(store),
                var direct => direct,
            };
            if (consumer is { OpCode.Code: Code.Call or Code.Callvirt, Operand: MethodReference target } && target.DeclaringType.Scope != ctx.Method.Module && Formats(target))
                Check(before, box, n - 1, "Operand");
        }

        /// <summary>
        /// A params <c>object[]</c> the compiler fills (<c>newarr; dup; ldc k; value; box; stelem.ref; dup; …; call</c>):
        /// after each store the array's remaining copy is on top; the instruction that finally pops it is the call.
        /// </summary>
        Instruction? CallTakingArguments(Instruction store)
        {
            var consumer = ConsumerOf(store);
            while (consumer is { OpCode.Code: Code.Dup }) consumer = ConsumerOf(consumer, depth: 1);   // the lower copy goes on
            return consumer;
        }

        /// <summary>
        /// A params <c>ReadOnlySpan&lt;object&gt;</c> (C# 13): the compiler stores each box through
        /// <c>InlineArrayElementRef</c> into a local inline array, then hands <c>InlineArrayAsReadOnlySpan</c> of it to the call —
        /// later in the same block.
        /// </summary>
        Instruction? CallTakingInlineArguments(Instruction store)
        {
            _branchTargets ??= BranchTargets();
            for (var i = store.Next; i is not null && !_branchTargets.Contains(i); i = i.Next)
            {
                if (i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw) return null;
                if (i.Operand is MethodReference { Name: "InlineArrayAsReadOnlySpan" } && i.OpCode.Code == Code.Call) return ConsumerOf(i);
            }
            return null;
        }

        /// <summary><c>ldloca x; …; call Primitive::ToString/TryFormat</c> on an undefined local: a use (reported before the local is taken as defined).</summary>
        void CheckLocalFormatted(Instruction ldloca, int local, List<Instruction> before)
        {
            if (!checks || !flow.TaintedLocals.Contains(local)) return;
            if (ConsumerOf(ldloca) is not { OpCode.Code: Code.Call or Code.Callvirt, Operand: MethodReference target } || !s_primitives.Contains(target.DeclaringType.FullName) || !Formats(target)) return;
            var site = ctx.SiteOf(ldloca);
            ctx.Editor.Inserted.Add(site);
            before.AddRange([Ld(L(local)), Ld(LO(local)), site, Instruction.Create(OpCodes.Call, Entry("Operand"))]);
            ctx.Checks++;
        }

        /// <summary>The instruction that pops the value <paramref name="producer"/> pushes, when it lies in the same block.</summary>
        /// <paramref name="depth"/>: where the value sits after <paramref name="producer"/>, from the top of the stack.
        Instruction? ConsumerOf(Instruction producer, int depth = 0)
        {
            _branchTargets ??= BranchTargets();
            for (var i = producer.Next; i is not null; i = i.Next)
            {
                if (_branchTargets.Contains(i)) return null;
                var (pops, pushes) = StackEffects.Of(i, ctx.Method);
                if (pops > depth) return i;
                if (i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw) return null;
                depth = depth - pops + pushes;
            }
            return null;
        }

        HashSet<Instruction> BranchTargets() => ctx.Method.Body.Instructions.SelectMany(i => i.Operand switch
        {
            Instruction t => [t],
            Instruction[] ts => ts,
            _ => Array.Empty<Instruction>(),
        }).ToHashSet();
    }
}
