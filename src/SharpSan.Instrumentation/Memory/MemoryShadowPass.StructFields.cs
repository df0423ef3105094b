using System.Collections.Immutable;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Memory;

public sealed partial class MemoryShadowPass
{
    /// <summary>
    /// Struct-typed fields of objects with a companion of their own type (<see cref="FieldShadows"/>). A followed
    /// <c>ldflda S</c> (<see cref="StructFieldReferences"/>) keeps its object in a local, and the part loads and stores
    /// through it read and write the same part of the companion; whole-struct copies into and out of the field (from a
    /// struct local, native memory or another such field) copy the companion, so padding stays undefined. Any other
    /// store into the field, or any other use of its address, defines the companion: a write SharpSan cannot see never
    /// becomes a report.
    /// </summary>
    sealed partial class Emitter
    {
        /// <summary>Followed struct-field addresses → the local holding their object.</summary>
        readonly Dictionary<Instruction, VariableDefinition> _structFieldObjects = [];

        /// <summary>Whole-struct loads of a field with a companion whose value goes straight into a copy → the local holding their object.</summary>
        readonly Dictionary<Instruction, VariableDefinition> _structFieldSources = [];

        (FieldReference Shadow, FieldReference Origin) StructCompanions(Instruction fieldAccess) => fields.StructOf((FieldReference)fieldAccess.Operand)!.Value;

        VariableDefinition KeepObject(Instruction at, List<Instruction> before)
        {
            var holder = NewLocal(((FieldReference)at.Operand).DeclaringType);
            before.AddRange([Instruction.Create(OpCodes.Dup), St(holder)]);
            return holder;
        }

        /// <summary>[object] → same; the object is kept when the address is followed, else the field is taken as defined from here on.</summary>
        void StructFieldAddress(Instruction ldflda, (FieldReference Shadow, FieldReference Origin) companions, ImmutableArray<Slot> st, List<Instruction> before)
        {
            if (flow.Pushed(ldflda).StructField == ldflda)
            {
                _structFieldObjects[ldflda] = KeepObject(ldflda, before);
                return;
            }
            before.AddRange([Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldflda, companions.Shadow),
                Instruction.Create(OpCodes.Initobj, ((FieldReference)ldflda.Operand).FieldType)]);
        }

        /// <summary>The followed struct-field address and part an address slot holds (<c>ldflda X</c> taken from <c>ldflda S</c>), or null.</summary>
        (Instruction Field, FieldReference Part)? PartAddress(Slot address) =>
            address.StructField is { } part && flow.StructFieldParts.TryGetValue(part, out var field) ? (field, (FieldReference)part.Operand) : null;

        /// <summary>[part address] → same, the part's shadow (from the companion's same part) and the field's origin in slot <paramref name="depth"/>.</summary>
        void StructPartLoad(FieldReference part, Instruction ldflda, int depth, List<Instruction> before)
        {
            var holder = _structFieldObjects[ldflda];
            var companions = StructCompanions(ldflda);
            int size = ValueKinds.SizeOf(part.FieldType)!.Value;
            bool signed = ValueKinds.IsSignedNarrow(part.FieldType) || size == 4 && ValueKinds.Of(part.FieldType) == ValueKind.Int32;
            before.AddRange([Ld(holder), Instruction.Create(OpCodes.Ldflda, companions.Shadow), Instruction.Create(OpCodes.Ldflda, part)]);
            // The same extension a load of the value gets (ldind.i4 sign-extends, ldind.u1 zero-extends).
            before.AddRange(size switch
            {
                1 => [Instruction.Create(signed ? OpCodes.Ldind_I1 : OpCodes.Ldind_U1), Instruction.Create(signed ? OpCodes.Conv_I8 : OpCodes.Conv_U8)],
                2 => [Instruction.Create(signed ? OpCodes.Ldind_I2 : OpCodes.Ldind_U2), Instruction.Create(signed ? OpCodes.Conv_I8 : OpCodes.Conv_U8)],
                4 => [Instruction.Create(signed ? OpCodes.Ldind_I4 : OpCodes.Ldind_U4), Instruction.Create(signed ? OpCodes.Conv_I8 : OpCodes.Conv_U8)],
                _ => [Instruction.Create(OpCodes.Ldind_I8)],
            });
            before.AddRange([St(S(depth)), Ld(holder), Instruction.Create(OpCodes.Ldfld, companions.Origin), St(O(depth))]);
        }

        /// <summary>[part address, value] → same, the value's shadow written into the companion's same part (its origin becomes the field's).</summary>
        void StructPartStore(FieldReference part, Instruction ldflda, ImmutableArray<Slot> st, List<Instruction> before)
        {
            var holder = _structFieldObjects[ldflda];
            var companions = StructCompanions(ldflda);
            int n = st.Length;
            before.AddRange([Ld(holder), Instruction.Create(OpCodes.Ldflda, companions.Shadow), Instruction.Create(OpCodes.Ldflda, part)]);
            before.Add(st[n - 1].Tainted ? Ld(S(n - 1)) : Instruction.Create(OpCodes.Ldc_I8, 0L));
            before.AddRange(ValueKinds.SizeOf(part.FieldType) switch
            {
                1 => [Instruction.Create(OpCodes.Conv_I4), Instruction.Create(OpCodes.Stind_I1)],
                2 => [Instruction.Create(OpCodes.Conv_I4), Instruction.Create(OpCodes.Stind_I2)],
                4 => [Instruction.Create(OpCodes.Conv_I4), Instruction.Create(OpCodes.Stind_I4)],
                _ => [Instruction.Create(OpCodes.Stind_I8)],
            });
            // As for struct locals: the value's origin becomes the field's only when the value is undefined (branch-free).
            if (st[n - 1].Tainted)
                before.AddRange([Ld(holder), Ld(holder), Instruction.Create(OpCodes.Ldfld, companions.Origin), Ld(holder), Instruction.Create(OpCodes.Ldfld, companions.Origin),
                    Ld(O(n - 1)), Instruction.Create(OpCodes.Xor), Ld(S(n - 1)), Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Cgt_Un),
                    Instruction.Create(OpCodes.Neg), Instruction.Create(OpCodes.And), Instruction.Create(OpCodes.Xor), Instruction.Create(OpCodes.Stfld, companions.Origin)]);
        }

        /// <summary><c>ldfld S</c> (whole struct) going straight into a copy that carries its shadow: keep the object.</summary>
        void StructFieldValueLoad(Instruction ldfld, List<Instruction> before)
        {
            var type = ((FieldReference)ldfld.Operand).FieldType;
            if (ldfld.Next is not { } consumer || JumpTargets.Contains(consumer)) return;
            bool copies = consumer switch
            {
                { OpCode.Code: Code.Stloc, Operand: VariableDefinition local } => structLocals.Has(local) && local.VariableType.FullName == type.FullName,
                { OpCode.Code: Code.Stfld, Operand: FieldReference into } => fields.HasStruct(into) && into.FieldType.FullName == type.FullName,
                { OpCode.Code: Code.Stobj, Operand: TypeReference stored } => stored.FullName == type.FullName,
                _ => false,
            };
            if (copies) _structFieldSources[ldfld] = KeepObject(ldfld, before);
        }

        /// <summary>The field load a copy (stloc, stfld, stobj) takes its struct from, with the local holding its object.</summary>
        (Instruction Load, VariableDefinition Holder)? StructFieldSource(Instruction copy) =>
            copy.Previous is { } load && _structFieldSources.TryGetValue(load, out var holder) ? (load, holder) : null;

        /// <summary>[] → [], the struct local's companion copied from the field's.</summary>
        void CopyStructFieldIntoLocal((Instruction Load, VariableDefinition Holder) source, VariableDefinition local, List<Instruction> before)
        {
            var companions = StructCompanions(source.Load);
            before.AddRange([Ld(source.Holder), Instruction.Create(OpCodes.Ldfld, companions.Shadow), St(SL(local)),
                Ld(source.Holder), Instruction.Create(OpCodes.Ldfld, companions.Origin), St(SO(local))]);
        }

        /// <summary>[native destination] → [], the destination's shadow written from the field's companion.</summary>
        void EmitStructFieldShadowStore(List<Instruction> code, (Instruction Load, VariableDefinition Holder) source)
        {
            var companions = StructCompanions(source.Load);
            var type = ((FieldReference)source.Load.Operand).FieldType;
            var shadow = NewLocal(type);
            code.AddRange([Ld(source.Holder), Instruction.Create(OpCodes.Ldfld, companions.Shadow), St(shadow),
                Instruction.Create(OpCodes.Ldloca, shadow), Instruction.Create(OpCodes.Conv_U), Instruction.Create(OpCodes.Sizeof, type),
                Ld(source.Holder), Instruction.Create(OpCodes.Ldfld, companions.Origin), Instruction.Create(OpCodes.Call, Entry("StoreShadowBlock"))]);
        }

        /// <summary>
        /// [object, struct] → same: <c>obj.S = value</c> sets the companion from the value's shadow — a struct local's
        /// companion, the bytes it was loaded from, another field's companion — or defines it.
        /// </summary>
        void StructFieldValueStore(Instruction stfld, (FieldReference Shadow, FieldReference Origin) companions, List<Instruction> before)
        {
            var type = ((FieldReference)stfld.Operand).FieldType;
            var value = NewLocal(type);
            before.Add(St(value));
            void SetCompanions(Instruction shadow, Instruction origin) =>
                before.AddRange([Instruction.Create(OpCodes.Dup), shadow, Instruction.Create(OpCodes.Stfld, companions.Shadow),
                    Instruction.Create(OpCodes.Dup), origin, Instruction.Create(OpCodes.Stfld, companions.Origin)]);
            if (!JumpTargets.Contains(stfld) && stfld.Previous is { OpCode.Code: Code.Ldloc, Operand: VariableDefinition local } && structLocals.Has(local)
                && local.VariableType.FullName == type.FullName)
                SetCompanions(Ld(SL(local)), Ld(SO(local)));
            else if (CopiedFrom(stfld) is { } address)
            {
                var shadow = NewLocal(type);
                var origin = NewLocal(Types.Int32);
                before.AddRange([Instruction.Create(OpCodes.Ldloca, shadow), Instruction.Create(OpCodes.Conv_U), Ld(address), Instruction.Create(OpCodes.Sizeof, type),
                    Instruction.Create(OpCodes.Call, Entry("LoadShadowBlock")), St(origin)]);
                SetCompanions(Ld(shadow), Ld(origin));
            }
            else if (StructFieldSource(stfld) is { } source)
            {
                var from = StructCompanions(source.Load);
                var shadow = NewLocal(type);
                var origin = NewLocal(Types.Int32);
                before.AddRange([Ld(source.Holder), Instruction.Create(OpCodes.Ldfld, from.Shadow), St(shadow), Ld(source.Holder), Instruction.Create(OpCodes.Ldfld, from.Origin), St(origin)]);
                SetCompanions(Ld(shadow), Ld(origin));
            }
            else before.AddRange([Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldflda, companions.Shadow), Instruction.Create(OpCodes.Initobj, type)]);
            before.Add(Ld(value));
        }
    }
}
