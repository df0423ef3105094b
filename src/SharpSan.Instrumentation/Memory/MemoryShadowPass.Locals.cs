using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Memory;

public sealed partial class MemoryShadowPass
{
    /// <summary>IL locals as sources: <c>Unsafe.SkipInit(out x)</c> without localsinit leaves x undefined (MSan's uninitialised stack variable).</summary>
    sealed partial class Emitter
    {
        void SkipInit(Instruction ldloca, VariableDefinition local, List<Instruction> before)
        {
            var site = ctx.SiteOf(ldloca);
            ctx.Editor.Inserted.Add(site);
            before.AddRange([Instruction.Create(OpCodes.Ldc_I8, -1L), St(L(local.Index)), site, Instruction.Create(OpCodes.Ldstr, NameOf(local)),
                Instruction.Create(OpCodes.Call, ctx.Module.Entry("SharpSan.Runtime.Memory.UninitializedLocals", "Origin")), St(LO(local.Index))]);
        }

        /// <summary>The local's name from the PDB, else its IL name (V_3).</summary>
        string NameOf(VariableDefinition local) =>
            ctx.Method.DebugInformation.TryGetName(local, out var name) && !string.IsNullOrEmpty(name) ? name : $"V_{local.Index}";
    }
}
