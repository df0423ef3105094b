using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Maintains the runtime's shadow call stack (TSan's func_entry/func_exit): a frame pushed in the prologue,
/// popped before every return (and before a tail call) and, in a method that unchecked code may call, by a fault
/// handler around the body when an exception leaves the method (see <see cref="FramedCallers"/>), re-established at the start of every exception handler, and the IL offset of each call stored into the frame just before the call, so captured stacks
/// carry call-site lines. Runs last, so it sees the calls other passes redirected.
/// </summary>
public sealed class ShadowCallStackPass : IInstrumentationPass
{
    const string ShadowStack = "SharpSan.Runtime.Common.Stacks.ShadowStack";

    /// <summary>BCL types whose methods neither call back into user code nor report: no call-site store needed.</summary>
    static readonly HashSet<string> s_leafTypes =
    [
        "System.Math", "System.MathF", "System.Span`1", "System.ReadOnlySpan`1", "System.Runtime.CompilerServices.Unsafe",
        "System.BitConverter", "System.Buffers.Binary.BinaryPrimitives", "System.Numerics.BitOperations",
        "System.Runtime.CompilerServices.RuntimeHelpers", "System.IntPtr", "System.UIntPtr", "System.Int32", "System.Int64",
        "SharpSan.Runtime.Address.AddressChecks", "SharpSan.Runtime.Common.Stacks.ShadowStack",
    ];

    HashSet<MethodDefinition> _frameless = [];
    HashSet<MethodDefinition> _calledOnlyFromFrames = [];

    public string Name => "shadow-call-stack";

    /// <summary>
    /// Finds the methods that can never be on a captured stack: no checks and no call that could capture one
    /// (a frameless method of this module called directly needs no call-site store), spread backwards over direct calls;
    /// virtual and interface calls count as capturing. Frameless methods stay small and inlinable.
    /// </summary>
    public void Prepare(IReadOnlyList<MethodContext> methods)
    {
        var local = methods.Select(m => m.Method).ToHashSet();
        // A method needs a frame on its own (checks, another pass's request, a call that may capture a stack), or
        // because it calls a method of this module that needs one: seeded from the first, spread backwards along the
        // direct calls (one pass over the bodies, then a worklist, instead of rescanning every body per round).
        var callers = new Dictionary<MethodDefinition, List<MethodDefinition>>();
        var needsFrame = new HashSet<MethodDefinition>();
        var work = new Stack<MethodDefinition>();
        foreach (var ctx in methods)
        {
            bool own = ctx.Checks > 0 || ctx.NeedsFrame;
            foreach (var i in ctx.Method.Body.Instructions)
            {
                if (own) break;
                if (ctx.Editor.Inserted.Contains(i) || !IsCallNeedingSite(i)) continue;
                if (DirectTarget(i) is { } target && local.Contains(target))
                {
                    if (!callers.TryGetValue(target, out var list)) callers[target] = list = [];
                    list.Add(ctx.Method);
                }
                else own = true;
            }
            if (own && needsFrame.Add(ctx.Method)) work.Push(ctx.Method);
        }
        while (work.Count > 0)
            if (callers.TryGetValue(work.Pop(), out var list))
                foreach (var caller in list)
                    if (needsFrame.Add(caller)) work.Push(caller);
        _frameless = local.Where(m => !needsFrame.Contains(m)).ToHashSet();
        needsFrame.RemoveWhere(m => m.Body.Instructions.Any(i => i.OpCode.Code == Code.Jmp));
        _calledOnlyFromFrames = methods.Count == 0 ? [] : FramedCallers.CalledOnlyFromFrames(methods[0].Method.Module, needsFrame);
    }

    /// <summary>The method of this module a call certainly lands in, or null (external, virtual dispatch, calli).</summary>
    static MethodDefinition? DirectTarget(Instruction i)
    {
        if (i.Operand is not MethodReference reference || i.OpCode.Code == Code.Calli) return null;
        var element = reference.GetElementMethod();
        var definition = element as MethodDefinition;
        if (definition is null)
        {
            if (element.DeclaringType.Scope != element.Module) return null;
            try { definition = element.Resolve(); } catch (AssemblyResolutionException) { return null; }
        }
        if (definition is null) return null;
        if (i.OpCode.Code == Code.Callvirt && definition.IsVirtual && !definition.IsFinal && !definition.DeclaringType.IsSealed) return null;
        return definition;
    }

    public void Run(MethodContext ctx)
    {
        var body = ctx.Method.Body;
        if (body.Instructions.Any(i => i.OpCode.Code == Code.Jmp)) return;
        if (_frameless.Contains(ctx.Method)) return;
        var calls = body.Instructions.Where(i => !ctx.Editor.Inserted.Contains(i) && IsCallNeedingSite(i)
            && !(DirectTarget(i) is { } target && _frameless.Contains(target))).ToList();

        var module = ctx.Module;
        var frame = ctx.FrameLocal;

        foreach (var call in calls)
        {
            var site = ctx.SiteOf(call);
            var moved = ctx.Editor.InsertBefore(call, [Instruction.Create(OpCodes.Ldloc, frame), site, Instruction.Create(OpCodes.Stind_I4)]);
            ctx.Retarget(call, moved);
            ctx.Editor.Inserted.Add(site);
            if (IsTailCall(moved)) ctx.Editor.InsertBefore(moved, Exit(module, frame));
        }

        foreach (var ret in body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
        {
            if (ret.Previous is { } p && IsTailCall(p)) continue;
            ctx.Editor.InsertBefore(ret, Exit(module, frame));
        }

        foreach (var handler in body.ExceptionHandlers.ToList())
        {
            foreach (var start in new[] { handler.HandlerStart, handler.FilterStart })
            {
                if (start is null) continue;
                ctx.Editor.InsertBefore(start, [Instruction.Create(OpCodes.Ldloc, frame), Instruction.Create(OpCodes.Call, module.Entry(ShadowStack, "Restore"))]);
            }
        }

        // A method that only framed methods call needs no fault handler: an exception leaving it reaches a framed caller,
        // and so, down the chain, a catch (Restore) or the fault handler of a method unchecked code may call (Exit),
        // either of which drops its frame with theirs before any unchecked code runs. The handler costs inlining and
        // codegen (lz -3 to -7 % CPU without it); other passes' cleanup on an exceptional exit (pins) keeps it.
        if (ctx.OnExceptionalExit.Count > 0 || !_calledOnlyFromFrames.Contains(ctx.Method)) PopOnExceptionalExit(ctx, frame);

        var prologue = new List<Instruction>
        {
            Instruction.Create(OpCodes.Ldsfld, module.FrameKeyBase),
            ctx.MethodRidConstant(),
            Instruction.Create(OpCodes.Or),
        };
        if (Il.TestMethods.IsTest(ctx.Method))
        {
            // A test method starts a fresh stack: frames left by an exception that escaped into the (uninstrumented)
            // test framework, e.g. a failed assertion, must not show up under it. Its frame records the class the test
            // runs for, so that findings name an inherited test as the runner does (by the derived class).
            prologue.AddRange(Il.TestMethods.LoadTestInstance(ctx.Method));
            prologue.Add(Instruction.Create(Il.TestMethods.IsStart(ctx.Method) ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0));
            prologue.Add(Instruction.Create(OpCodes.Call, module.Entry(ShadowStack, "EnterTest")));
        }
        else
        {
            prologue.Add(Instruction.Create(OpCodes.Call, module.Entry(ShadowStack, "Enter")));
        }
        prologue.Add(Instruction.Create(OpCodes.Stloc, frame));
        ctx.InsertPrologue(prologue);
    }

    /// <summary>
    /// Wraps the body (everything after the prologue) in a try block whose fault handler pops the frame, so that a frame
    /// left by an exception is gone before any handler runs, wherever that handler is: code that is not instrumented
    /// (the thread pool, the task machinery, a BCL method calling back) may catch the exception and call checked code
    /// again, which must not find the dead frames under its own. IL allows no <c>ret</c> inside a try block, so each
    /// return pops the frame as before, then leaves to a shared epilogue that returns the value kept in a local.
    /// A fault handler costs nothing on the normal path (no call, no flag, unlike a finally); a method with a tail
    /// call keeps the old shape (a tail call cannot sit in a try block) and relies on its callers' handlers.
    /// </summary>
    static void PopOnExceptionalExit(MethodContext ctx, VariableDefinition frame)
    {
        var body = ctx.Method.Body;
        if (body.Instructions.Any(i => i.OpCode.Code == Code.Tail)) return;
        var il = ctx.Editor.Processor;
        var tryStart = body.Instructions[0];
        var returnType = ctx.Method.ReturnType;
        while (returnType is IModifierType modified) returnType = modified.ElementType;
        VariableDefinition? result = null;
        if (returnType.MetadataType != MetadataType.Void)
        {
            result = new VariableDefinition(returnType);
            body.Variables.Add(result);
        }
        var returning = result is null ? Instruction.Create(OpCodes.Ret) : Instruction.Create(OpCodes.Ldloc, result);
        foreach (var ret in body.Instructions.Where(i => i.OpCode.Code == Code.Ret).ToList())
        {
            if (result is null)
            {
                ret.OpCode = OpCodes.Leave;
                ret.Operand = returning;
            }
            else
            {
                ret.OpCode = OpCodes.Stloc;
                ret.Operand = result;
                ctx.Editor.InsertAfter(ret, [Instruction.Create(OpCodes.Leave, returning)]);
            }
        }
        // Other passes' cleanup (pins held by the frame) first, with this frame on top again (callees without a fault
        // handler left theirs above it), so its stacks end here.
        List<Instruction> tail =
        [
            Instruction.Create(OpCodes.Ldloc, frame), Instruction.Create(OpCodes.Call, ctx.Module.Entry(ShadowStack, "Restore")),
            .. ctx.OnExceptionalExit,
            Instruction.Create(OpCodes.Ldloc, frame), Instruction.Create(OpCodes.Call, ctx.Module.Entry(ShadowStack, "Exit")), Instruction.Create(OpCodes.Endfinally), returning,
        ];
        var fault = tail[0];
        if (result is not null) tail.Add(Instruction.Create(OpCodes.Ret));
        // A handler that ran to the end of the method (its end is null: a body that ends in a handler, such as a method
        // that always throws) must still end there, before the code appended below, or it would swallow it.
        foreach (var handler in body.ExceptionHandlers)
        {
            handler.TryEnd ??= fault;
            handler.HandlerEnd ??= fault;
        }
        foreach (var instruction in tail)
        {
            il.Append(instruction);
            ctx.Editor.Inserted.Add(instruction);
        }
        // Appended last: an enclosing handler follows the handlers nested in it in the table.
        body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Fault)
        {
            TryStart = tryStart, TryEnd = fault, HandlerStart = fault, HandlerEnd = returning,
        });
    }

    static List<Instruction> Exit(ModuleContext module, VariableDefinition frame) =>
        [Instruction.Create(OpCodes.Ldloc, frame), Instruction.Create(OpCodes.Call, module.Entry(ShadowStack, "Exit"))];

    static bool IsTailCall(Instruction call) => call.Previous is { OpCode.Code: Code.Tail };

    static bool IsCallNeedingSite(Instruction i)
    {
        if (i.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj or Code.Calli)) return false;
        if (i.Operand is not MethodReference m) return true;
        return !s_leafTypes.Contains(m.DeclaringType.GetElementType().FullName);
    }
}
