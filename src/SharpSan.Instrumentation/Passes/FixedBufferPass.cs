using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Intra-object overflow for C# <c>fixed</c> buffers, where the address derivation is visible: an access whose
/// address is <c>&amp;s.Buffer.FixedElementField + offset</c> (computed in the same basic block) must stay inside the
/// buffer's <c>[FixedBuffer(type, length)]</c> bytes — running into the struct's next field is invisible to the
/// shadow, which sees one addressable object. The check goes right after the address computation:
/// <code>
///   ldflda FixedElementField          →  ldflda FixedElementField; dup; stloc base
///   … add                             →  … add; dup; conv.u; size; ldloc base; conv.u; bytes; site; name; call IntraObject.Check
/// </code>
/// Pointers derived elsewhere (a <c>byte*</c> kept from <c>s.Buffer</c>) are not followed: SGCheck's heuristic is not
/// implemented.
/// </summary>
public sealed class FixedBufferPass : IInstrumentationPass
{
    public string Name => "fixed-buffer";

    public void Run(MethodContext ctx)
    {
        var body = ctx.Method.Body;
        foreach (var access in body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(access)) continue;
            if (SizeOf(access) is not { } size) continue;
            int depth = access.OpCode.Code is Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_R4 or Code.Stind_R8 or Code.Stind_I ? 1 : 0;
            var address = ctx.Provenance.ProducerOf(access, depth);
            if (address is null || address.OpCode.Code is not (Code.Add or Code.Sub) || ctx.Editor.Inserted.Contains(address)) continue;
            if (BaseOf(ctx, address) is not { } baseField) continue;
            if (FixedBuffer(baseField) is not { } buffer) continue;
            Insert(ctx, baseField, address, access, size, isWrite: depth == 1, buffer);
        }
    }

    /// <summary>Follows pointer arithmetic back to an <c>ldflda FixedElementField</c>.</summary>
    static Instruction? BaseOf(MethodContext ctx, Instruction instruction)
    {
        for (int hops = 0; hops < 8; hops++)
        {
            switch (instruction.OpCode.Code)
            {
                case Code.Ldflda when instruction.Operand is FieldReference { Name: "FixedElementField" }:
                    return instruction;
                case Code.Conv_U or Code.Conv_I:
                    instruction = ctx.Provenance.ProducerOf(instruction, 0)!;
                    break;
                case Code.Add or Code.Sub:
                    instruction = ctx.Provenance.ProducerOf(instruction, 1)!;   // the left operand: the pointer
                    break;
                default:
                    return null;
            }
            if (instruction is null) return null;
        }
        return null;
    }

    /// <summary>(bytes, display name) of the fixed buffer whose element field <paramref name="elementAddress"/> loads.</summary>
    static (int Bytes, string Name)? FixedBuffer(Instruction elementAddress)
    {
        var element = (FieldReference)elementAddress.Operand;
        var holder = element.DeclaringType;   // <Name>e__FixedBuffer
        if (!holder.Name.EndsWith("e__FixedBuffer", StringComparison.Ordinal) || holder.DeclaringType is null) return null;
        TypeDefinition? owner;
        try { owner = holder.DeclaringType.Resolve(); } catch (AssemblyResolutionException) { return null; }
        var field = owner?.Fields.FirstOrDefault(f => f.FieldType.Name == holder.Name);
        var attribute = field?.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.FixedBufferAttribute");
        if (field is null || attribute is null || attribute.ConstructorArguments.Count < 2) return null;
        int length = (int)attribute.ConstructorArguments[1].Value;
        var elementType = (TypeReference)attribute.ConstructorArguments[0].Value;
        int? elementSize = AccessSize.Of(elementType).Bytes;
        if (elementSize is not int es) return null;
        return (length * es, $"{owner!.FullName}.{field.Name}");
    }

    static int? SizeOf(Instruction access) => access.OpCode.Code switch
    {
        Code.Ldind_I1 or Code.Ldind_U1 or Code.Stind_I1 => 1,
        Code.Ldind_I2 or Code.Ldind_U2 or Code.Stind_I2 => 2,
        Code.Ldind_I4 or Code.Ldind_U4 or Code.Ldind_R4 or Code.Stind_I4 or Code.Stind_R4 => 4,
        Code.Ldind_I8 or Code.Ldind_R8 or Code.Ldind_I or Code.Stind_I8 or Code.Stind_R8 or Code.Stind_I => 8,
        _ => null,
    };

    static void Insert(MethodContext ctx, Instruction baseField, Instruction address, Instruction access, int size, bool isWrite, (int Bytes, string Name) buffer)
    {
        var module = ctx.Module;
        var baseTemp = new VariableDefinition(new ByReferenceType(module.Module.TypeSystem.Byte));
        ctx.Method.Body.Variables.Add(baseTemp);
        ctx.Editor.InsertAfter(baseField, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, baseTemp)]);
        var site = ctx.SiteOf(access);
        var check = new List<Instruction>
        {
            Instruction.Create(OpCodes.Dup),
            Instruction.Create(OpCodes.Conv_U),
            Instruction.Create(OpCodes.Ldc_I4, size),
            Instruction.Create(OpCodes.Ldloc, baseTemp),
            Instruction.Create(OpCodes.Conv_U),
            Instruction.Create(OpCodes.Ldc_I4, buffer.Bytes),
            site,
            Instruction.Create(isWrite ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0),
            Instruction.Create(OpCodes.Ldstr, buffer.Name),
            Instruction.Create(OpCodes.Call, module.Entry("SharpSan.Runtime.Address.IntraObject", "Check")),
        };
        ctx.Editor.InsertAfter(address, check);
        ctx.Changed = true;
        ctx.Checks++;
    }
}
