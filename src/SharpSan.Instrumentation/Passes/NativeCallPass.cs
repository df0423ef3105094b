using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Brackets every call into native code — a P/Invoke, or an unmanaged function pointer (<c>calli</c>) — for the system
/// AddressSanitizer (`--native address`): before it, the runtime is started, so ASan's report callback is in place
/// even when the first thing a test does is call the library; after it, a native finding the call raised fails the
/// running test (<c>NativeCallFailures</c>: the report is made inside ASan's callback, where no exception may cross the
/// native frames). Each costs one static read when there is nothing to do.
/// </summary>
public sealed class NativeCallPass : IInstrumentationPass
{
    const string Failures = "SharpSan.Runtime.Common.NativeAsan.NativeCallFailures";

    public string Name => "native-calls";

    public void Run(MethodContext ctx)
    {
        foreach (var call in ctx.Method.Body.Instructions.Where(i => !ctx.Editor.Inserted.Contains(i) && IsNativeCall(i)).ToList())
        {
            // Nothing may follow a tail call; nothing may sit between it and its prefix.
            if (call.Previous is { OpCode.Code: Code.Tail }) continue;
            var moved = ctx.Editor.InsertBefore(call, [Instruction.Create(OpCodes.Call, ctx.Module.Entry(Failures, "BeforeNativeCall"))]);
            ctx.Retarget(call, moved);
            ctx.Editor.InsertAfter(moved, [Instruction.Create(OpCodes.Call, ctx.Module.Entry(Failures, "AfterNativeCall"))]);
            ctx.Changed = true;
        }
    }

    static bool IsNativeCall(Instruction i)
    {
        if (i.OpCode.Code == Code.Calli)
            return i.Operand is CallSite { CallingConvention: not (MethodCallingConvention.Default or MethodCallingConvention.VarArg or MethodCallingConvention.Generic) };
        if (i.OpCode.Code is not (Code.Call or Code.Callvirt) || i.Operand is not MethodReference target) return false;
        try
        {
            return target.Resolve() is { IsPInvokeImpl: true };
        }
        catch (AssemblyResolutionException)
        {
            return false;
        }
    }
}
