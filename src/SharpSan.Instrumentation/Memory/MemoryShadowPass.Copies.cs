using System.Collections.Immutable;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Memory;

public sealed partial class MemoryShadowPass
{
    /// <summary>
    /// Struct copies and memory-access calls. A struct or vector value loaded and stored right away (<c>*dst = *src</c>:
    /// <c>ldobj</c> then <c>stobj</c>; <c>Sse2.Store(d, Sse2.LoadVector128(s))</c>) copies its bytes' shadow, so padding
    /// and undefined lanes stay undefined (MSan's memcpy of an aggregate). A struct stored from anywhere else is not
    /// tracked on the stack and defines what it writes.
    /// </summary>
    sealed partial class Emitter
    {
        /// <summary>Loads of a struct whose value goes straight into a store: the temporary holding the load's address.</summary>
        readonly Dictionary<Instruction, VariableDefinition> _copySources = [];
        HashSet<Instruction>? _jumpTargets;

        /// <summary>Instructions reached other than by falling through: the value before them may come from elsewhere.</summary>
        HashSet<Instruction> JumpTargets => _jumpTargets ??= ctx.Method.Body.Instructions
            .SelectMany(i => i.Operand switch { Instruction t => [t], Instruction[] ts => ts, _ => Array.Empty<Instruction>() })
            .Concat(ctx.Method.Body.ExceptionHandlers.SelectMany(h => new[] { h.HandlerStart, h.FilterStart, h.TryStart }))
            .Where(i => i is not null).ToHashSet()!;

        /// <summary>A struct load whose next instruction stores its value through an address: keep the source address for the copy.</summary>
        void RememberCopySource(Instruction load, Slot address, List<Instruction> before)
        {
            if (address.OffNativeShadow || address.Tainted || load.Next is not { } store || JumpTargets.Contains(store)) return;
            var type = LoadedType(load);
            if (type is null || ValueKinds.IsScalar(ValueKinds.Of(type)) && ValueKinds.SizeOf(type) is not null) return;
            bool intoLocal = store is { OpCode.Code: Code.Stloc, Operand: VariableDefinition local } && structLocals.Has(local) && local.VariableType.FullName == type.FullName;
            bool stores = store.OpCode.Code == Code.Stobj || MemoryCall.Of(store) is { IsStore: true, Value: 1 };
            bool intoField = store is { OpCode.Code: Code.Stfld, Operand: FieldReference field } && fields.HasStruct(field) && field.FieldType.FullName == type.FullName;
            if (!intoLocal && !intoField && (!stores || StoredStructType(store) is not { } storedType || storedType.FullName != type.FullName)) return;
            var source = NewLocal(Types.UIntPtr);
            before.AddRange([Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Conv_U), St(source)]);
            _copySources[load] = source;
        }

        static TypeReference? LoadedType(Instruction load) => load.OpCode.Code == Code.Ldobj ? (TypeReference)load.Operand : MemoryCall.Of(load)?.Type;

        static TypeReference? StoredStructType(Instruction store) => store.OpCode.Code == Code.Stobj ? (TypeReference)store.Operand : MemoryCall.Of(store)?.Type;

        /// <summary>The temporary holding the source address of the struct this store writes, when it was loaded just before.</summary>
        VariableDefinition? CopiedFrom(Instruction store) => store.Previous is { } load && _copySources.TryGetValue(load, out var source) ? source : null;

        /// <summary>[native destination] → [], the destination's shadow copied from the source's.</summary>
        void EmitShadowCopy(List<Instruction> code, VariableDefinition source, TypeReference type)
        {
            code.AddRange([Ld(source), Instruction.Create(OpCodes.Sizeof, type), Instruction.Create(OpCodes.Call, Entry("CopyBlock"))]);
        }

        /// <summary>
        /// Unsafe.Read/Write and the SIMD loads and stores: a primitive moves its bit-exact shadow like ldobj/stobj; a
        /// struct or vector is copied from where it was just loaded, or else defines what it writes.
        /// </summary>
        void MemoryCallAccess(Instruction i, MemoryCall access, ImmutableArray<Slot> st, List<Instruction> before, List<Instruction> after)
        {
            int n = st.Length;
            var parameters = ((MethodReference)i.Operand).Parameters.Count;
            int address = n - parameters + access.Address;
            if (st[address].Tainted) Check(before, i, address, "Address");
            if (!access.IsStore)
            {
                if (flow.Pushed(i).Tainted && ValueKinds.SizeOf(access.Type) is { } size)
                    EmitShadowLoad(before, address, size, ExtensionOf(access.Type), null);
                else
                {
                    Defined(after, address);
                    RememberCopySource(i, st[address], before);
                }
                return;
            }
            if (st[address].OffNativeShadow) return;
            if (access.Value == 1)
            {
                // [address, value] as for stobj.
                var temp = NewLocal(access.Type);
                before.Add(St(temp));
                before.AddRange([Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Conv_U)]);
                if (CopiedFrom(i) is { } source) EmitShadowCopy(before, source, access.Type);
                else EmitShadowStore(before, i, st[n - 1], n - 1, access.Type, ValueKinds.SizeOf(access.Type));
                before.Add(Ld(temp));
                return;
            }
            // [value, address] (Vector128.Store(this source, destination)): the value is not followed; the write defines.
            var destination = NewLocal(Types.UIntPtr);
            before.AddRange([Instruction.Create(OpCodes.Conv_U), St(destination), Ld(destination),
                Instruction.Create(OpCodes.Sizeof, access.Type), Instruction.Create(OpCodes.Call, Entry("Define")), Ld(destination)]);
        }

        /// <summary>The conversion that gives a loaded narrow value's shadow the same extension as the value.</summary>
        static OpCode? ExtensionOf(TypeReference type) =>
            ValueKinds.IsSignedNarrow(type) ? (ValueKinds.SizeOf(type) == 1 ? OpCodes.Conv_I1 : OpCodes.Conv_I2)
            : ValueKinds.SizeOf(type) == 4 && ValueKinds.Of(type) == ValueKind.Int32 ? OpCodes.Conv_I4 : null;
    }
}
