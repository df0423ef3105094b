using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Memory;

public sealed partial class MemoryShadowPass
{
    /// <summary>Struct locals with a shadow (<see cref="StructLocals"/>): the companion local and origin, and the code that moves them.</summary>
    sealed partial class Emitter
    {
        readonly Dictionary<int, VariableDefinition> _structShadows = [], _structOrigins = [];

        VariableDefinition SL(VariableDefinition local) => _structShadows.TryGetValue(local.Index, out var v) ? v : _structShadows[local.Index] = NewLocal(local.VariableType);
        VariableDefinition SO(VariableDefinition local) => _structOrigins.TryGetValue(local.Index, out var v) ? v : _structOrigins[local.Index] = NewLocal(Types.Int32);

        /// <summary>Every shadowed struct local starts defined (the companion may hold garbage without localsinit).</summary>
        void StructLocalsPrologue(List<Instruction> prologue)
        {
            foreach (var local in ctx.Method.Body.Variables.ToList())
                if (structLocals.Has(local) && _structShadows.ContainsKey(local.Index))
                    prologue.AddRange([Instruction.Create(OpCodes.Ldloca, SL(local)), Instruction.Create(OpCodes.Initobj, local.VariableType),
                        Instruction.Create(OpCodes.Ldc_I4_0), St(SO(local))]);
        }

        /// <summary><c>stloc V</c>: the shadow of a struct loaded straight from memory, of another shadowed local, or defined.</summary>
        void StructLocalStore(Instruction stloc, VariableDefinition local, List<Instruction> before)
        {
            if (stloc.Previous is { } load && _copySources.TryGetValue(load, out var source))
            {
                before.AddRange([Instruction.Create(OpCodes.Ldloca, SL(local)), Instruction.Create(OpCodes.Conv_U), Ld(source),
                    Instruction.Create(OpCodes.Sizeof, local.VariableType), Instruction.Create(OpCodes.Call, Entry("LoadShadowBlock")), St(SO(local))]);
                return;
            }
            if (StructFieldSource(stloc) is { } fieldSource)
            {
                CopyStructFieldIntoLocal(fieldSource, local, before);
                return;
            }
            if (!JumpTargets.Contains(stloc) && stloc.Previous is { OpCode.Code: Code.Ldloc, Operand: VariableDefinition other } && structLocals.Has(other)
                && other.VariableType.FullName == local.VariableType.FullName)
            {
                before.AddRange([Ld(SL(other)), St(SL(local)), Ld(SO(other)), St(SO(local))]);
                return;
            }
            DefineStructLocal(local, before);
        }

        void DefineStructLocal(VariableDefinition local, List<Instruction> code) =>
            code.AddRange([Instruction.Create(OpCodes.Ldloca, SL(local)), Instruction.Create(OpCodes.Initobj, local.VariableType)]);

        /// <summary>[address of V] → [address of V], the field's shadow (read from the companion) and the local's origin in the slot.</summary>
        void StructFieldLoad(Instruction ldfld, VariableDefinition local, int depth, List<Instruction> before)
        {
            var field = (FieldReference)ldfld.Operand;
            int size = ValueKinds.SizeOf(field.FieldType)!.Value;
            before.AddRange([Instruction.Create(OpCodes.Ldloca, SL(local)), Instruction.Create(OpCodes.Ldflda, field), Instruction.Create(OpCodes.Conv_U),
                Instruction.Create(OpCodes.Ldc_I4, size), Instruction.Create(OpCodes.Call, Entry("RawShadow"))]);
            OpCode? extension = ValueKinds.IsSignedNarrow(field.FieldType) ? (size == 1 ? OpCodes.Conv_I1 : OpCodes.Conv_I2)
                : size == 4 && ValueKinds.Of(field.FieldType) == ValueKind.Int32 ? OpCodes.Conv_I4 : null;
            if (extension is { } ext) before.AddRange([Instruction.Create(ext), Instruction.Create(OpCodes.Conv_I8)]);
            before.AddRange([St(S(depth)), Ld(SO(local)), St(O(depth))]);
        }

        /// <summary>Field stores into a shadowed struct local (<c>ldloca V; value; stfld F</c>) → the local.</summary>
        readonly Dictionary<Instruction, VariableDefinition> _structFieldStores = [];

        /// <summary>
        /// <c>ldloca V; value; stfld F</c> (in one block) with F a scalar field of V's own type: only that field's shadow
        /// changes (<see cref="StructFieldStore"/>), the rest of the local keeps its shadow.
        /// </summary>
        bool StoresOneField(Instruction ldloca)
        {
            var local = (VariableDefinition)ldloca.Operand;
            if (ConsumerOf(ldloca) is not { OpCode.Code: Code.Stfld, Operand: FieldReference field } store
                || field.DeclaringType.FullName != local.VariableType.FullName || ValueKinds.SizeOf(field.FieldType) is not (1 or 2 or 4 or 8)
                || !ValueKinds.IsScalar(ValueKinds.Of(field.FieldType))) return false;
            _structFieldStores[store] = local;
            return true;
        }

        /// <summary>[address of V, value] → same, the value's shadow written into the field of V's companion (its origin becomes V's).</summary>
        void StructFieldStore(Instruction stfld, VariableDefinition local, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before)
        {
            var field = (FieldReference)stfld.Operand;
            int n = st.Length;
            before.AddRange([Instruction.Create(OpCodes.Ldloca, SL(local)), Instruction.Create(OpCodes.Ldflda, field), Instruction.Create(OpCodes.Conv_U)]);
            before.Add(st[n - 1].Tainted ? Ld(S(n - 1)) : Instruction.Create(OpCodes.Ldc_I8, 0L));
            before.AddRange(ValueKinds.SizeOf(field.FieldType) switch
            {
                1 => [Instruction.Create(OpCodes.Conv_I4), Instruction.Create(OpCodes.Stind_I1)],
                2 => [Instruction.Create(OpCodes.Conv_I4), Instruction.Create(OpCodes.Stind_I2)],
                4 => [Instruction.Create(OpCodes.Conv_I4), Instruction.Create(OpCodes.Stind_I4)],
                _ => [Instruction.Create(OpCodes.Stind_I8)],
            });
            // The value's origin becomes the local's only when the value is undefined: SO ^= (SO ^ O) & -(S != 0), branch-free.
            if (st[n - 1].Tainted)
                before.AddRange([Ld(SO(local)), Ld(SO(local)), Ld(O(n - 1)), Instruction.Create(OpCodes.Xor), Ld(S(n - 1)), Instruction.Create(OpCodes.Ldc_I8, 0L),
                    Instruction.Create(OpCodes.Cgt_Un), Instruction.Create(OpCodes.Neg), Instruction.Create(OpCodes.And), Instruction.Create(OpCodes.Xor), St(SO(local))]);
        }

        /// <summary>The shadowed struct local a <c>stobj</c> stores right after loading it (<c>*q = local</c>), or null.</summary>
        VariableDefinition? StoredStructLocal(Instruction stobj) =>
            stobj.OpCode.Code == Code.Stobj && !JumpTargets.Contains(stobj) && stobj.Previous is { OpCode.Code: Code.Ldloc, Operand: VariableDefinition local }
                && structLocals.Has(local) && local.VariableType.FullName == ((TypeReference)stobj.Operand).FullName ? local : null;

        /// <summary>[native destination] → [], the destination's shadow written from the local's companion.</summary>
        void EmitStructLocalShadowStore(List<Instruction> code, VariableDefinition local) =>
            code.AddRange([Instruction.Create(OpCodes.Ldloca, SL(local)), Instruction.Create(OpCodes.Conv_U), Instruction.Create(OpCodes.Sizeof, local.VariableType),
                Ld(SO(local)), Instruction.Create(OpCodes.Call, Entry("StoreShadowBlock"))]);
    }
}
