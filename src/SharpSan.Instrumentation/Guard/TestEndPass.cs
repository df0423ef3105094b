using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Guard;

/// <summary>
/// Guard mode keeps no shadow stack, so a guarded fault (reported by the fault monitor while the faulting thread waits)
/// is pending for its test until that test calls the allocator again; a test that never does would pass. So every test
/// method checks its pending findings when it ends: a synchronous test before each return, an async test (one that
/// returns a Task) when its task completes. Test methods only: code under test is unchanged.
/// </summary>
public sealed class TestEndPass : IInstrumentationPass
{
    public string Name => "guard-test-end";

    public void Run(MethodContext ctx)
    {
        var method = ctx.Method;
        if (!Il.TestMethods.IsStart(method)) return;
        var check = method.ReturnType.MetadataType == Mono.Cecil.MetadataType.Void
            ? ctx.Module.Entry("SharpSan.Runtime.Guard.TestEndChecks", "AfterTest")
            : method.ReturnType.FullName == "System.Threading.Tasks.Task"
                ? ctx.Module.Entry("SharpSan.Runtime.Guard.TestEndChecks", "AfterAsyncTest")
                : null;
        if (check is null) return;   // ValueTask and other returns: the next allocation call still fails the test
        foreach (var ret in method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
        {
            if (ret.Previous is { } p && p.Previous is { OpCode.Code: Code.Tail }) continue;
            // void: nothing on the stack; Task: the task in, a task that checks after it out.
            ctx.Editor.InsertBefore(ret, [Instruction.Create(OpCodes.Call, check)]);
            ctx.Changed = true;
        }
    }
}
