using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// The runtime starts with the program: at the entry point's first instruction, so that what it sets up at start (the
/// system AddressSanitizer's report callback, under --native address) is in place before the first P/Invoke. And before
/// the entry point returns, lets the leak checker record the main thread's [ThreadStatic] roots: the
/// exit-time scan runs on another thread, where those fields read as empty (LeakSanitizer scans thread-local
/// storage at exit; this is the .NET equivalent for the main thread).
/// </summary>
public sealed class EntryPointPass : IInstrumentationPass
{
    public string Name => "entry-point";

    public void Run(MethodContext ctx)
    {
        if (ctx.Method != ctx.Method.Module.EntryPoint) return;
        var capture = ctx.Module.Entry("SharpSan.Runtime.Address.Leaks.RootScanner", "CaptureThreadStatics");
        var start = ctx.Module.Entry("SharpSan.Runtime.SanitizerRuntime", "EnsureInitialized");
        ctx.Editor.InsertBefore(ctx.Method.Body.Instructions[0], [Instruction.Create(OpCodes.Call, start)]);
        ctx.Changed = true;
        foreach (var ret in ctx.Method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
        {
            if (ret.Previous is { } p && p.Previous is { OpCode.Code: Code.Tail }) continue;
            ctx.Editor.InsertBefore(ret, [Instruction.Create(OpCodes.Call, capture)]);
            ctx.Changed = true;
        }
    }
}
