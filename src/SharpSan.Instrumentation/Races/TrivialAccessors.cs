using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Property accessors whose whole body is one field access on <c>this</c> — <c>this.f = value</c> or <c>return this.f</c>,
/// what the compiler emits for <c>{ get; set; init; }</c>. Called on an object no other thread can see yet
/// (<c>new Endpoint { Host = "db" }</c>), the access inside is initializing, but the accessor's own check serves every
/// caller. Such a call is pointed instead at an unchecked twin of the accessor (same body, no check; internal, added
/// to the accessor's type after the passes chose their methods, so none instruments it).
/// </summary>
public sealed class TrivialAccessors
{
    const string TwinSuffix = "<>unpublished";

    readonly ModuleDefinition _module;
    readonly Dictionary<MethodDefinition, (FieldReference Field, bool Stores)?> _shapes = [];
    readonly Dictionary<MethodDefinition, MethodDefinition> _twins = [];

    public TrivialAccessors(ModuleDefinition module) => _module = module;

    /// <summary>The accessor is `ldarg.0; [ldarg.1;] ldfld/stfld F; ret` (nops aside) on a field of its own class; null otherwise.</summary>
    public static (FieldReference Field, bool Stores)? Shape(MethodDefinition method)
    {
        if (!method.HasBody || method.IsStatic || method.HasGenericParameters || method.DeclaringType.IsValueType || method.Body.ExceptionHandlers.Count > 0) return null;
        var code = method.Body.Instructions.Where(i => i.OpCode.Code != Code.Nop).ToList();
        bool stores = method.Parameters.Count == 1 && method.ReturnType.MetadataType == MetadataType.Void
            || method.ReturnType is RequiredModifierType { ElementType.MetadataType: MetadataType.Void } && method.Parameters.Count == 1;
        if (stores && code is [var self, var value, { OpCode.Code: Code.Stfld } store, { OpCode.Code: Code.Ret }]
            && IsArgument(self, method, 0) && IsArgument(value, method, 1))
            return ((FieldReference)store.Operand, true);
        if (!stores && method.Parameters.Count == 0 && code is [var owner, { OpCode.Code: Code.Ldfld } load, { OpCode.Code: Code.Ret }] && IsArgument(owner, method, 0))
            return ((FieldReference)load.Operand, false);
        return null;
    }

    /// <summary>
    /// <paramref name="callee"/>, as called, resolves to a trivial accessor of the module that the call reaches for
    /// certain (not virtual, or final). The shape is read once per accessor, the first time (before the race pass
    /// edits the accessor itself), and remembered.
    /// </summary>
    public (MethodDefinition Accessor, FieldReference Field, bool Stores)? Called(MethodReference callee)
    {
        if (callee is GenericInstanceMethod || !callee.HasThis) return null;
        if (callee.TryResolve() is not { } definition || definition.Module != _module || definition.IsVirtual && !definition.IsFinal) return null;
        if (!_shapes.TryGetValue(definition, out var shape))
        {
            shape = Shape(definition);
            if (shape is { } s && s.Field.DeclaringType.GetElementType().FullName != definition.DeclaringType.FullName) shape = null;
            _shapes[definition] = shape;
        }
        return shape is { } found ? (definition, found.Field, found.Stores) : null;
    }

    /// <summary>Points <paramref name="call"/> (a call of a trivial accessor on an unpublished object) at the accessor's unchecked twin.</summary>
    public void Redirect(Instruction call)
    {
        var callee = (MethodReference)call.Operand;
        if (Called(callee) is not { } accessor) return;
        var twin = TwinOf(accessor.Accessor, accessor.Field, accessor.Stores);
        MethodReference target = twin;
        if (callee.DeclaringType is GenericInstanceType)
        {
            target = new MethodReference(twin.Name, twin.ReturnType, callee.DeclaringType) { HasThis = true };
            foreach (var p in twin.Parameters) target.Parameters.Add(new ParameterDefinition(p.ParameterType));
        }
        call.OpCode = OpCodes.Call;   // the receiver is a new object: never null, and the twin is not virtual
        call.Operand = target;
    }

    MethodDefinition TwinOf(MethodDefinition accessor, FieldReference field, bool stores)
    {
        if (_twins.TryGetValue(accessor, out var known)) return known;
        var twin = new MethodDefinition(accessor.Name + TwinSuffix, MethodAttributes.Assembly | MethodAttributes.HideBySig, accessor.ReturnType);
        foreach (var p in accessor.Parameters) twin.Parameters.Add(new ParameterDefinition(p.Name, ParameterAttributes.None, p.ParameterType));
        var il = twin.Body.GetILProcessor();
        il.Emit(OpCodes.Ldarg_0);
        if (stores) il.Emit(OpCodes.Ldarg_1);
        il.Emit(stores ? OpCodes.Stfld : OpCodes.Ldfld, field);
        il.Emit(OpCodes.Ret);
        accessor.DeclaringType.Methods.Add(twin);
        _twins[accessor] = twin;
        return twin;
    }

    static bool IsArgument(Instruction load, MethodDefinition method, int sequence) => load.OpCode.Code switch
    {
        Code.Ldarg_0 => sequence == 0,
        Code.Ldarg_1 => sequence == 1,
        Code.Ldarg or Code.Ldarg_S => ((ParameterDefinition)load.Operand).Sequence == sequence,
        _ => false,
    } && method.HasThis;
}
