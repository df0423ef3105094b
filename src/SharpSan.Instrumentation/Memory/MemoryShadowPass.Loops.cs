using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Memory;

public sealed partial class MemoryShadowPass
{
    /// <summary>
    /// Loops whose pointer accesses <c>p[i]</c> cover a range that is all defined when the loop is entered (one shadow
    /// scan, <see cref="LoopRangeGuards"/>' counted-loop shape): a flag set by the scan lets each covered load skip its
    /// shadow load (its shadow is 0) and each covered store of a defined value skip its shadow store (it writes 0 over 0).
    /// Any store of an undefined value in the loop clears the flag, so later loads read the shadow again. Loops holding a
    /// write the flag could not follow (struct, field, element and block stores; calls are refused by the shape) keep
    /// their per-access work.
    /// </summary>
    sealed partial class Emitter
    {
        readonly Dictionary<Instruction, VariableDefinition> _coveredBy = [];
        readonly List<(HashSet<Instruction> Body, VariableDefinition Flag)> _guardedLoops = [];
        readonly List<(Instruction After, List<Instruction> Code)> _clones = [];

        /// <summary>Finds the qualifying loops on the original IL and queues each one's range test before its entry branch.</summary>
        void GuardLoops()
        {
            if (!guardLoops) return;
            var body = ctx.Method.Body;
            var loops = LoopRangeGuards.Find(body, ctx.Provenance, i => LoopAccessShape(i), ctx.Editor.Inserted.Contains);
            if (loops.Count == 0) return;
            var instructions = body.Instructions;
            foreach (var loop in loops)
            {
                var inside = LoopBody(instructions, loop.Entry);
                if (inside is null || inside.Any(UnfollowedWrite)) continue;
                var flag = NewLocal(Types.Boolean);
                var code = new List<Instruction>();
                var ranges = loop.Accesses.Select(a => (Base: (a.Base.OpCode, a.Base.Operand), a.Scale, a.Size)).Distinct().ToList();
                for (int k = 0; k < ranges.Count; k++)
                {
                    var range = ranges[k];
                    code.Add(Copy(range.Base.OpCode, range.Base.Operand));
                    code.Add(Instruction.Create(OpCodes.Ldloc, loop.Index));
                    code.Add(Instruction.Create(loop.Unsigned ? OpCodes.Conv_U : OpCodes.Conv_I));
                    foreach (var b in loop.Bound) code.Add(Copy(b.OpCode, b.Operand));
                    code.Add(Instruction.Create(loop.Unsigned ? OpCodes.Conv_U : OpCodes.Conv_I));
                    code.Add(Instruction.Create(OpCodes.Ldc_I4, range.Scale));
                    code.Add(Instruction.Create(OpCodes.Conv_I));
                    code.Add(Instruction.Create(OpCodes.Ldc_I4, range.Size));
                    code.Add(Instruction.Create(OpCodes.Call, Entry(loop.Unsigned ? "LoopRangeDefinedUnsigned" : "LoopRangeDefined")));
                    if (k > 0) code.Add(Instruction.Create(OpCodes.And));
                }
                code.Add(St(flag));
                EnterCloneWhenClean(loop, inside, flag, code);
                _edits.Add((loop.Entry, code, [], null));
                _guardedLoops.Add((inside, flag));
                foreach (var access in loop.Accesses) _coveredBy[access.Instruction] = flag;
            }
        }

        /// <summary>
        /// The unchecked copy: when every instruction of the loop only moves values between covered accesses, locals,
        /// arguments and the stack, and the tainted locals it reads or writes are defined on entry, every value the loop
        /// computes is defined while its range is — so a copy of the original loop without any shadow work computes the
        /// same shadows (all zero). The entry test jumps to it; it is placed right after the instrumented loop (same
        /// exception region) and falls through to the loop's exit like the original.
        /// </summary>
        void EnterCloneWhenClean(LoopRangeGuards.Loop loop, HashSet<Instruction> inside, VariableDefinition flag, List<Instruction> entryCode)
        {
            var instructions = ctx.Method.Body.Instructions;
            int start = instructions.IndexOf(loop.Entry) + 1, end = start + inside.Count - 1;
            if (end + 1 >= instructions.Count || !flow.Before.TryGetValue(loop.Entry, out var atEntry) || atEntry.Length != 0) return;
            var covered = loop.Accesses.Select(a => a.Instruction).ToHashSet();
            var taintedLocals = new SortedSet<int>();
            for (int k = start; k <= end; k++)
            {
                var i = instructions[k];
                if (covered.Contains(i)) continue;
                if (!Clonable(i)) return;
                if (i.OpCode.Code is Code.Ldloc or Code.Stloc && i.Operand is VariableDefinition v && flow.TaintedLocals.Contains(v.Index)) taintedLocals.Add(v.Index);
            }
            var copies = new Dictionary<Instruction, Instruction>();
            for (int k = start; k <= end; k++) copies[instructions[k]] = Copy(instructions[k].OpCode, instructions[k].Operand);
            foreach (var copy in copies.Values)
            {
                if (copy.Operand is Instruction target) copy.Operand = copies.GetValueOrDefault(target, target);
                else if (copy.Operand is Instruction[] targets) copy.Operand = targets.Select(t => copies.GetValueOrDefault(t, t)).ToArray();
            }
            var after = instructions[end + 1];
            var clone = new List<Instruction> { Instruction.Create(OpCodes.Br, after) };
            for (int k = start; k <= end; k++) clone.Add(copies[instructions[k]]);
            _clones.Add((after, clone));
            var instrumented = Instruction.Create(OpCodes.Nop);
            entryCode.AddRange([Ld(flag), Instruction.Create(OpCodes.Brfalse, instrumented)]);
            if (taintedLocals.Count > 0)
            {
                bool first = true;
                foreach (int local in taintedLocals)
                {
                    entryCode.Add(Ld(L(local)));
                    if (!first) entryCode.Add(Instruction.Create(OpCodes.Or));
                    first = false;
                }
                entryCode.Add(Instruction.Create(OpCodes.Brtrue, instrumented));
            }
            entryCode.AddRange([Instruction.Create(OpCodes.Br, copies[(Instruction)loop.Entry.Operand]), instrumented]);
        }

        /// <summary>Instructions whose copy needs no shadow work once every value reaching them is defined (no memory, no call, no exit).</summary>
        static bool Clonable(Instruction i) => i.OpCode.Code is Code.Nop or Code.Ldloc or Code.Stloc or Code.Ldarg or Code.Ldc_I4 or Code.Ldc_I8
            or Code.Ldc_R4 or Code.Ldc_R8 or Code.Ldnull or Code.Dup or Code.Pop
            or Code.Add or Code.Sub or Code.Mul or Code.Div or Code.Div_Un or Code.Rem or Code.Rem_Un or Code.And or Code.Or or Code.Xor
            or Code.Shl or Code.Shr or Code.Shr_Un or Code.Neg or Code.Not or Code.Add_Ovf or Code.Add_Ovf_Un or Code.Sub_Ovf or Code.Sub_Ovf_Un
            or Code.Mul_Ovf or Code.Mul_Ovf_Un or Code.Ckfinite or Code.Ceq or Code.Cgt or Code.Cgt_Un or Code.Clt or Code.Clt_Un
            or Code.Conv_I1 or Code.Conv_I2 or Code.Conv_I4 or Code.Conv_I8 or Code.Conv_U1 or Code.Conv_U2 or Code.Conv_U4 or Code.Conv_U8
            or Code.Conv_I or Code.Conv_U or Code.Conv_R4 or Code.Conv_R8 or Code.Conv_R_Un
            or Code.Br or Code.Brtrue or Code.Brfalse or Code.Beq or Code.Bne_Un or Code.Bge or Code.Bge_Un or Code.Bgt or Code.Bgt_Un
            or Code.Ble or Code.Ble_Un or Code.Blt or Code.Blt_Un or Code.Switch;

        /// <summary>Places each clone right before its loop's exit instruction, after the edits (the exit keeps its identity as the front of its own code).</summary>
        void InsertLoopClones()
        {
            foreach (var (after, code) in _clones) ctx.Editor.InsertAfter(after.Previous, code);
        }

        static Instruction Copy(OpCode opCode, object? operand)
        {
            var copy = Instruction.Create(OpCodes.Nop);
            copy.OpCode = opCode;
            copy.Operand = operand;
            return copy;
        }

        /// <summary>Plain pointer loads and stores of a primitive (the accesses whose shadow the flag may skip): address depth and size.</summary>
        static (int Depth, int? Size, bool Field)? LoopAccessShape(Instruction i) => i.OpCode.Code switch
        {
            Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2 or Code.Ldind_I4 or Code.Ldind_U4
                or Code.Ldind_I8 or Code.Ldind_I or Code.Ldind_R4 or Code.Ldind_R8 => (0, LoadSize(i), false),
            Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R4 or Code.Stind_R8 => (1, LoadSize(i), false),
            _ => null,
        };

        /// <summary>The loop's instructions: from after its entry <c>br COND</c> to the backward branch to its first instruction.</summary>
        static HashSet<Instruction>? LoopBody(Mono.Collections.Generic.Collection<Instruction> instructions, Instruction entry)
        {
            int start = instructions.IndexOf(entry) + 1;
            if (start <= 0 || start >= instructions.Count) return null;
            var first = instructions[start];
            var inside = new HashSet<Instruction>();
            for (int k = start; k < instructions.Count; k++)
            {
                inside.Add(instructions[k]);
                if (instructions[k].Operand == first && k > start) return inside;
            }
            return null;
        }

        /// <summary>Writes to memory whose definedness the flag would not see (stind stores clear it themselves).</summary>
        static bool UnfollowedWrite(Instruction i) => i.OpCode.Code is Code.Stobj or Code.Cpblk or Code.Stfld or Code.Ldelema or Code.Ldflda
            or Code.Stind_Ref or Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 or Code.Stelem_I8 or Code.Stelem_I or Code.Stelem_R4
            or Code.Stelem_R8 or Code.Stelem_Any or Code.Stelem_Ref;

        /// <summary>[address] → [address] with the load's shadow and origin in slot <paramref name="depth"/>: 0 while the loop's flag holds.</summary>
        void EmitGuardedShadowLoad(List<Instruction> before, VariableDefinition flag, int depth, int size, OpCode? extension)
        {
            var defined = Instruction.Create(OpCodes.Ldc_I8, 0L);
            var end = Instruction.Create(OpCodes.Nop);
            before.AddRange([Ld(flag), Instruction.Create(OpCodes.Brtrue, defined)]);
            EmitShadowLoad(before, depth, size, extension, null);
            before.AddRange([Instruction.Create(OpCodes.Br, end), defined, St(S(depth)), Instruction.Create(OpCodes.Ldc_I4_0), St(O(depth)), end]);
        }

        /// <summary>
        /// [address] → [address] for a covered store: nothing while the flag holds and the value is defined; otherwise the
        /// shadow store (<paramref name="shadowStore"/>, which keeps the address), then the flag test of <see cref="ClearLoopFlags"/>.
        /// </summary>
        void EmitGuardedShadowStore(List<Instruction> before, Instruction at, VariableDefinition flag, Slot value, int depth, Action<List<Instruction>> shadowStore)
        {
            var slow = Instruction.Create(OpCodes.Nop);
            var end = Instruction.Create(OpCodes.Nop);
            before.AddRange([Ld(flag), Instruction.Create(OpCodes.Brfalse, slow)]);
            if (value.Tainted) before.AddRange([Ld(S(depth)), Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Bne_Un, slow)]);
            before.AddRange([Instruction.Create(OpCodes.Br, end), slow]);
            shadowStore(before);
            ClearLoopFlags(before, at, value, depth);
            before.Add(end);
        }

        /// <summary>A store in a guarded loop of a value that may be undefined: flag &amp;= (shadow == 0), for every loop around it.</summary>
        void ClearLoopFlags(List<Instruction> code, Instruction at, Slot value, int depth)
        {
            if (!value.Tainted) return;
            foreach (var (inside, flag) in _guardedLoops)
                if (inside.Contains(at))
                    code.AddRange([Ld(flag), Ld(S(depth)), Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Ceq), Instruction.Create(OpCodes.And), St(flag)]);
        }
    }
}
