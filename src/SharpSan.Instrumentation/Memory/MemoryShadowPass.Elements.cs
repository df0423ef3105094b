using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Memory;

public sealed partial class MemoryShadowPass
{
    /// <summary>
    /// Followed element addresses (<see cref="ElementReferences"/>): the ldelema keeps its array and index in locals of
    /// its own, and the loads and stores through the address read and write the array's shadow by them, as ldelem and
    /// stelem do — so a rented array's stale element stays undefined, and a plain array costs one static read.
    /// </summary>
    sealed partial class Emitter
    {
        readonly Dictionary<Instruction, (VariableDefinition Array, VariableDefinition Index)> _elements = [];

        /// <summary>The element type behind a followed element address: ldelema's operand, or a followed span indexer's T.</summary>
        static TypeReference ElementTypeOf(Instruction producer) => producer.OpCode.Code switch
        {
            Code.Ldelema => (TypeReference)producer.Operand,
            Code.Ldloc => ArrayViews.ViewedElement((VariableDefinition)producer.Operand),
            _ => ArrayViews.ElementOf(((MethodReference)producer.Operand).DeclaringType)!,
        };

        readonly Dictionary<VariableDefinition, VariableDefinition> _viewArrays = [];

        /// <summary>The local holding the array a followed span local was made over.</summary>
        VariableDefinition ViewArray(VariableDefinition span) =>
            _viewArrays.TryGetValue(span, out var v) ? v : _viewArrays[span] = NewLocal(new ArrayType(ArrayViews.ViewedElement(span)));

        readonly Dictionary<VariableDefinition, VariableDefinition> _viewIndices = [];

        /// <summary>[array, index] → same, both kept for the followed ref local's element accesses.</summary>
        void CaptureRefElement(VariableDefinition refLocal, List<Instruction> before)
        {
            var index = RefIndex(refLocal);
            before.AddRange([St(index), Instruction.Create(OpCodes.Dup), St(ViewArray(refLocal)), Ld(index)]);
        }

        /// <summary>The local keeping a followed ref local's index, typed as its ldelema's index (the reads may come first in IL order).</summary>
        VariableDefinition RefIndex(VariableDefinition refLocal)
        {
            if (_viewIndices.TryGetValue(refLocal, out var index)) return index;
            var creation = flow.Views.RefCreations.First(c => c.Value == refLocal).Key;
            bool wide = flow.Before.TryGetValue(creation, out var stack) && stack[^1].Kind != ValueKind.Int32;
            return _viewIndices[refLocal] = NewLocal(wide ? Types.IntPtr : Types.Int32);
        }

        /// <summary>A followed ref local read: its element address uses the kept array and index.</summary>
        void RememberRefItem(Instruction ldloc, VariableDefinition refLocal) => _elements[ldloc] = (ViewArray(refLocal), RefIndex(refLocal));

        /// <summary>[…, array] → same, the array kept for the span's element accesses (it does not escape).</summary>
        void CaptureViewArray(VariableDefinition span, List<Instruction> before) => before.AddRange([Instruction.Create(OpCodes.Dup), St(ViewArray(span))]);

        /// <summary>[&amp;span, index] → same, the index kept: the indexer's element address uses the array's shadow at that index.</summary>
        void RememberViewItem(Instruction getItem, VariableDefinition span, List<Instruction> before)
        {
            var index = NewLocal(Types.Int32);
            before.AddRange([St(index), Ld(index)]);
            _elements[getItem] = (ViewArray(span), index);
        }

        /// <summary>The span is handed on where its writes are not seen: its array escapes (taken as defined) first.</summary>
        void EscapeViewArray(VariableDefinition span, List<Instruction> before) =>
            before.AddRange([Ld(ViewArray(span)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(RentedArraysName, "Escape"))]);

        /// <summary>[array, index] → same, both also kept for the loads and stores through the element's address.</summary>
        void RememberElement(Instruction ldelema, ValueKind indexKind, List<Instruction> before)
        {
            var array = NewLocal(new ArrayType((TypeReference)ldelema.Operand));
            var index = NewLocal(indexKind == ValueKind.Int32 ? Types.Int32 : Types.IntPtr);
            before.AddRange([St(index), Instruction.Create(OpCodes.Dup), St(array), Ld(index)]);
            _elements[ldelema] = (array, index);
        }

        /// <summary>[element address] → same, with the element's shadow and origin in slot <paramref name="depth"/>.</summary>
        void ElementShadowLoad(Instruction ldelema, int depth, OpCode? extension, List<Instruction> before)
        {
            var (array, index) = _elements[ldelema];
            int size = ElementReferences.ScalarSize(ElementTypeOf(ldelema))!.Value;
            before.Add(Ld(array));
            LoadIndexAsInt(before, index);
            before.AddRange([Instruction.Create(OpCodes.Ldc_I4, size), Instruction.Create(OpCodes.Call, ctx.Module.Entry(RentedArraysName, "LoadShadow"))]);
            if (extension is { } ext) before.AddRange([Instruction.Create(ext), Instruction.Create(OpCodes.Conv_I8)]);
            before.Add(St(S(depth)));
            EmitElementOrigin(before, array, depth);
        }

        /// <summary>The origin of slot <paramref name="depth"/>'s element load, from its shadow (out of line only when undefined).</summary>
        void EmitElementOrigin(List<Instruction> before, VariableDefinition array, int depth) =>
            before.AddRange([Ld(array), Ld(S(depth)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(RentedArraysName, "OriginOf")), St(O(depth))]);

        /// <summary>[element address, value] → same, the element's shadow taking the value's (slot <paramref name="depth"/>).</summary>
        void ElementShadowStore(Instruction store, Instruction ldelema, Slot value, int depth, List<Instruction> before)
        {
            var (array, index) = _elements[ldelema];
            int size = ElementReferences.ScalarSize(ElementTypeOf(ldelema))!.Value;
            before.Add(Ld(array));
            LoadIndexAsInt(before, index);
            before.Add(Instruction.Create(OpCodes.Ldc_I4, size));
            if (value.Tainted)
            {
                var site = ctx.SiteOf(store);
                ctx.Editor.Inserted.Add(site);
                before.AddRange([Ld(S(depth)), Ld(O(depth)), site, Instruction.Create(OpCodes.Call, ctx.Module.Entry(RentedArraysName, "Store", 6))]);
            }
            else before.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Ldc_I4_0), Instruction.Create(OpCodes.Call, ctx.Module.Entry(RentedArraysName, "Store", 5))]);
        }
    }
}
