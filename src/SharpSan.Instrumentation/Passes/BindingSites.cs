using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// SGCheck's heuristic, instrumentation side, for one method: a pointer access is bound, per activation, to the first
/// known buffer it touches (runtime: BufferBinding), and a later access outside it is reported. A site gets a binding
/// only if it can run twice in one activation and its address can leave a known buffer unseen by the shadow:
/// <list type="bullet">
/// <item>it is inside a loop (<see cref="LoopRegions"/>);</item>
/// <item>its address steps through memory the way an overrun does: a pointer the loop does not reload (an argument,
/// or a local written outside the loop or only incremented inside it) plus an offset, or such a pointer incremented by
/// the loop. Pointers reloaded in the loop (<c>arr[j][k]</c>, <c>n = n-&gt;Next</c>) point at another object on purpose,
/// which is exactly where the heuristic misfires, so they are left out;</item>
/// <item>the pointer may come from a buffer the runtime knows the bounds of (<see cref="PointerOrigins"/>): not from
/// an allocator, an array or a stackalloc of this very method, and not a parameter that every caller in the module
/// fills with such memory. This keeps the cost off the bulk of pointer code (measured: 20–50% on tight kernel loops
/// when every loop access is bound, about nothing with this filter);</item>
/// <item>its address is not visibly derived from a fixed buffer or [InlineArray]: <see cref="IntraObjectPass"/>
/// checks those exactly.</item>
/// </list>
/// Each site keeps its binding in a local <c>BufferBinding</c>, zeroed in the prologue because [SkipLocalsInit] code
/// does not zero locals; the check is one subtraction and one compare against it.
/// </summary>
public sealed class BindingSites(MethodContext ctx, PointerOrigins origins)
{
    const string Runtime = "SharpSan.Runtime.Address.Heuristic.BufferBinding";
    const int MaxHops = 16;

    readonly LoopRegions _loops = new(ctx.Method.Body);
    readonly LocalStores _locals = new(ctx.Method.Body);
    readonly List<VariableDefinition> _bindings = [];

    /// <summary>
    /// The binding check for <paramref name="access"/> (the address on top of the stack, left there), or null when the
    /// access is not a site. <paramref name="sitePlaceholder"/> marks where the caller puts the access's site constant.
    /// </summary>
    public List<Instruction>? CheckFor(Instruction access, int depth, int size, FieldReference? field, bool isWrite, Instruction sitePlaceholder)
    {
        if (!Binds(access, depth, field)) return null;
        var module = ctx.Module;
        var binding = new VariableDefinition(module.RuntimeType(Runtime));
        ctx.Method.Body.Variables.Add(binding);
        _bindings.Add(binding);
        var code = new List<Instruction> { Instruction.Create(OpCodes.Dup) };
        if (field is not null) code.Add(Instruction.Create(OpCodes.Ldflda, field));
        code.AddRange(
        [
            Instruction.Create(OpCodes.Conv_U),
            Instruction.Create(OpCodes.Ldloca, binding),
            Instruction.Create(OpCodes.Ldc_I4, size),
            sitePlaceholder,
            Instruction.Create(isWrite ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0),
            Instruction.Create(OpCodes.Call, module.Entry(Runtime, "Access")),
        ]);
        return code;
    }

    /// <summary>Whether <paramref name="access"/> is a site (<see cref="CheckFor"/> gives it a binding check); nothing is added.</summary>
    public bool Binds(Instruction access, int depth, FieldReference? field)
    {
        if (_loops.Outermost(access) is not { } loop) return false;
        var address = ctx.Provenance.ProducerOf(access, depth);
        if (address is null || field is null && ctx.Buffers.Resolve(address) is not null) return false;
        return Steps(address, loop) && origins.Of(ctx, address) == PointerOrigin.MayBeKnown;
    }

    /// <summary>Resets every binding when the method is entered.</summary>
    public void Finish()
    {
        if (_bindings.Count == 0) return;
        var prologue = new List<Instruction>();
        foreach (var binding in _bindings)
        {
            prologue.Add(Instruction.Create(OpCodes.Ldloca, binding));
            prologue.Add(Instruction.Create(OpCodes.Initobj, binding.VariableType));
        }
        ctx.InsertPrologue(prologue);
    }

    /// <summary>True when the address is a loop-stable pointer plus arithmetic, or a pointer the loop only increments.</summary>
    bool Steps(Instruction producer, (int Start, int End) loop)
    {
        bool arithmetic = false;
        for (int hops = 0; hops < MaxHops; hops++)
        {
            switch (producer.OpCode.Code)
            {
                case Code.Conv_U or Code.Conv_I or Code.Conv_U8 or Code.Conv_I8:
                    producer = ctx.Provenance.ProducerOf(producer, 0)!;
                    break;
                case Code.Add or Code.Sub:
                    arithmetic = true;
                    producer = ctx.Provenance.ProducerOf(producer, 1)!;
                    break;
                case Code.Ldarg when producer.Operand is ParameterDefinition parameter && IsPointer(parameter.ParameterType):
                    // Arguments are rarely reassigned by C#; any starg in the loop disqualifies.
                    return arithmetic && !ctx.Method.Body.Instructions.Any(i => i.OpCode.Code == Code.Starg && i.Operand == parameter && _loops.Within(i, loop));
                case Code.Ldloc when producer.Operand is VariableDefinition local && IsPointer(local.VariableType) && !_locals.IsAddressTaken(local):
                    var inLoop = _locals.Of(local).Where(s => _loops.Within(s, loop)).ToList();
                    if (!inLoop.All(s => IncrementsItself(s, local))) return false;
                    return arithmetic || inLoop.Count > 0;
                default:
                    return false;
            }
            if (producer is null) return false;
        }
        return false;
    }

    /// <summary><c>p = p ± n</c> (also <c>p++</c>, which C# emits with a dup of the old value).</summary>
    bool IncrementsItself(Instruction store, VariableDefinition local)
    {
        var value = ctx.Provenance.ProducerOf(store, 0);
        bool moved = false;
        for (int hops = 0; value is not null && hops < MaxHops; hops++)
        {
            switch (value.OpCode.Code)
            {
                case Code.Conv_U or Code.Conv_I:
                    value = ctx.Provenance.ProducerOf(value, 0);
                    break;
                case Code.Add or Code.Sub:
                    moved = true;
                    value = ctx.Provenance.ProducerOf(value, 1);
                    break;
                case Code.Ldloc:
                    return moved && value.Operand == local;
                default:
                    return false;
            }
        }
        return false;
    }

    static bool IsPointer(TypeReference type) => type.IsPointer || type.IsByReference;
}
