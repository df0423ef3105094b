using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// A synchronous test method's return is the end of its test: there the findings its child processes wrote are charged
/// to it, waited for or not (<c>ChildFindings.AtTestEnd</c>, one static read unless the test started a child). Before
/// the shadow call stack pass, so the test's frame is still on the stack. An async test's methods return at every
/// await, so they get nothing.
/// </summary>
public sealed class TestEndPass : IInstrumentationPass
{
    public string Name => "test-end";

    public void Run(MethodContext ctx)
    {
        if (!Il.TestMethods.IsStart(ctx.Method) || ctx.Method.ReturnType.MetadataType != MetadataType.Void) return;
        var atTestEnd = ctx.Module.Entry("SharpSan.Runtime.Common.Testing.ChildFindings", "AtTestEnd");
        foreach (var ret in ctx.Method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
        {
            if (ret.Previous is { } p && p.Previous is { OpCode.Code: Code.Tail }) continue;
            ctx.Editor.InsertBefore(ret, [Instruction.Create(OpCodes.Call, atTestEnd)]);
            ctx.Changed = true;
        }
    }
}
