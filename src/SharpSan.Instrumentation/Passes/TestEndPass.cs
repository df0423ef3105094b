using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>What a test checks when it ends; the same values as the runtime's <c>SharpSan.Runtime.Common.Testing.TestEndChecks</c>.</summary>
[Flags]
public enum TestEndChecks
{
    /// <summary>Findings its child processes wrote for it, waited for or not (every mode).</summary>
    ChildFindings = 1,
    /// <summary>Guarded faults still pending for it: guard mode keeps no shadow stack, so a fault waits for its test's next allocation call or its end.</summary>
    GuardFaults = 2,
    /// <summary>Native findings raised in a call from code that is not checked (a package's own P/Invoke), so no check followed the call.</summary>
    NativeFindings = 4,
}

/// <summary>
/// The end of a test: a synchronous test method checks before each return (before the shadow call stack pass, so the
/// test's frame is still on the stack); an async test method (returning Task or ValueTask) hands the task it returns to
/// the runtime, which checks when that task completes (the method itself returns at its first await). One static read
/// per check while nothing is pending. Test methods only: code under test is unchanged.
/// </summary>
public sealed class TestEndPass(TestEndChecks checks) : IInstrumentationPass
{
    const string TestEnd = "SharpSan.Runtime.Common.Testing.TestEnd";

    public string Name => "test-end";

    public TestEndChecks Checks => checks;

    public void Run(MethodContext ctx)
    {
        var method = ctx.Method;
        if (!Il.TestMethods.IsStart(method)) return;
        var check = method.ReturnType.MetadataType == MetadataType.Void ? ctx.Module.Entry(TestEnd, "Returning")
            : method.ReturnType.FullName switch
            {
                "System.Threading.Tasks.Task" => ctx.Module.Entry(TestEnd, "ReturningTask"),
                "System.Threading.Tasks.ValueTask" => ctx.Module.Entry(TestEnd, "ReturningValueTask"),
                _ => null,   // no runner runs other returns as tests
            };
        if (check is null) return;
        foreach (var ret in method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
        {
            if (ret.Previous is { } p && p.Previous is { OpCode.Code: Code.Tail }) continue;
            // void: nothing on the stack; a task: the task in, a task that checks after it out.
            ctx.Editor.InsertBefore(ret, [Instruction.Create(OpCodes.Ldc_I4, (int)checks), Instruction.Create(OpCodes.Call, check)]);
            ctx.Changed = true;
        }
    }
}
