using System.Collections.Immutable;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Memory;

public sealed partial class MemoryShadowPass
{
    /// <summary>Fields of the module's objects with shadow companions (<see cref="FieldShadows"/>): stores and loads move the shadow and origin.</summary>
    sealed partial class Emitter
    {
        /// <summary>[object] → [object], the field's shadow and origin in the slot's locals.</summary>
        void ObjectFieldLoad(Instruction i, (FieldReference Shadow, FieldReference Origin) companions, ImmutableArray<Slot> st, List<Instruction> before, List<Instruction> after)
        {
            int n = st.Length;
            if (!flow.Pushed(i).Tainted)
            {
                Defined(after, n - 1);
                return;
            }
            before.AddRange([Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldfld, companions.Shadow), St(S(n - 1)),
                Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldfld, companions.Origin), St(O(n - 1))]);
        }

        /// <summary>[object, value] → same, the value's shadow (0 when defined) and origin written to the companions.</summary>
        void ObjectFieldStore(Instruction i, (FieldReference Shadow, FieldReference Origin) companions, ImmutableArray<Slot> st, List<Instruction> before)
        {
            int n = st.Length;
            var value = ctx.Temp(((FieldReference)i.Operand).FieldType);
            before.AddRange([St(value), Instruction.Create(OpCodes.Dup)]);
            if (st[n - 1].Tainted)
                before.AddRange([Ld(S(n - 1)), Instruction.Create(OpCodes.Stfld, companions.Shadow), Instruction.Create(OpCodes.Dup), Ld(O(n - 1)), Instruction.Create(OpCodes.Stfld, companions.Origin)]);
            else before.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Stfld, companions.Shadow)]);
            before.Add(Ld(value));
        }

        void StaticFieldLoad(Instruction i, (FieldReference Shadow, FieldReference Origin) companions, ImmutableArray<Slot> st, List<Instruction> before, List<Instruction> after)
        {
            int n = st.Length;
            if (!flow.Pushed(i).Tainted)
            {
                Defined(after, n);
                return;
            }
            before.AddRange([Instruction.Create(OpCodes.Ldsfld, companions.Shadow), St(S(n)), Instruction.Create(OpCodes.Ldsfld, companions.Origin), St(O(n))]);
        }

        void StaticFieldStore(Instruction i, (FieldReference Shadow, FieldReference Origin) companions, ImmutableArray<Slot> st, List<Instruction> before)
        {
            int n = st.Length;
            if (st[n - 1].Tainted)
                before.AddRange([Ld(S(n - 1)), Instruction.Create(OpCodes.Stsfld, companions.Shadow), Ld(O(n - 1)), Instruction.Create(OpCodes.Stsfld, companions.Origin)]);
            else before.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Stsfld, companions.Shadow)]);
        }

        /// <summary>The field's address is taken: what is written through it is not seen, so the field is defined from here on.</summary>
        void FieldAddressTaken(Instruction i, (FieldReference Shadow, FieldReference Origin) companions, List<Instruction> before)
        {
            if (i.OpCode.Code == Code.Ldsflda)
            {
                before.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Stsfld, companions.Shadow)]);
                return;
            }
            before.AddRange([Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Stfld, companions.Shadow)]);
        }
    }
}
