using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Memory;

/// <summary>
/// Shadow for fields of the module's own objects (MSan: a field is memory like any other). A scalar field that some
/// store in the module may fill with an undefined value gets two companions beside it — <c>name&lt;&gt;msan</c>
/// (the shadow, a long) and <c>name&lt;&gt;msan_origin</c> (an int) — which stfld/ldfld (stsfld/ldsfld) move with the
/// value, as ThreadSanitizer's mode adds <c>&lt;&gt;race</c> cells. Only such fields, and only the methods that touch
/// them, pay. Conservative where the value could change unseen: no companions on structs or explicit/sequential
/// layout (their size matters), on fields other modules could write (public ones; internal ones too when the
/// assembly names a friend), on thread-statics, on fields stored by a method the pass cannot follow, or on fields
/// whose address any method takes (a write through a kept ref would leave the companion stale). A non-public instance field of unmanaged struct type gets a companion of
/// its own type (one shadow byte per byte, padding included) when a struct with a shadow is copied into it or an
/// undefined value is stored into one of its parts (<see cref="StructFieldReferences"/>), and no method keeps or hands on
/// its address otherwise (a write through a kept ref after a later copy would leave the companion stale); static
/// struct fields get none.
/// </summary>
public sealed class FieldShadows
{
    const string ShadowSuffix = "<>msan";
    const string OriginSuffix = "<>msan_origin";

    readonly Dictionary<FieldDefinition, (FieldDefinition Shadow, FieldDefinition Origin)> _companions = [];
    readonly Dictionary<FieldDefinition, (FieldDefinition Shadow, FieldDefinition Origin)> _structCompanions = [];

    public static readonly FieldShadows None = new();

    FieldShadows() { }

    public bool IsEmpty => _companions.Count == 0 && _structCompanions.Count == 0;

    /// <summary>Finds the fields that may receive an undefined value (a fixpoint over the module's stores) and adds their companions.</summary>
    public static FieldShadows Add(ModuleDefinition module, IReadOnlyList<MethodDefinition> methods)
    {
        bool friends = module.Assembly?.CustomAttributes.Any(a => a.AttributeType.Name == "InternalsVisibleToAttribute") == true;
        var shadowed = new HashSet<FieldDefinition>();
        var structs = new HashSet<FieldDefinition>();
        var excluded = new HashSet<FieldDefinition>();
        bool Shadowed(FieldReference f) => f.TryResolve() is { } d && shadowed.Contains(d);
        bool StructShadowed(FieldReference f) => f.TryResolve() is { } d && structs.Contains(d);
        bool Any(FieldReference f) => Shadowed(f) || StructShadowed(f);
        for (int round = 0; round < 8; round++)
        {
            int before = shadowed.Count + structs.Count;
            foreach (var method in methods)
            {
                var stores = StoredFields(method, module, friends).ToList();
                var structStores = StructFieldUses(method, module, friends).ToList();
                if (stores.Count == 0 && structStores.Count == 0 || !MemoryShadowPass.Touches(method, Any) && structStores.Count == 0) continue;
                ShadowFlow flow;
                StructLocals structLocals;
                try
                {
                    structLocals = StructLocals.Of(method, StructShadowed);
                    flow = new ShadowFlow(method, Shadowed, structLocals, StructShadowed);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or AssemblyResolutionException)
                {
                    excluded.UnionWith(stores.Select(s => s.Field));   // the pass skips this method: its stores would go unseen
                    excluded.UnionWith(structStores.Select(s => s.Field));
                    continue;
                }
                foreach (var (store, field) in stores)
                    if (flow.Before.TryGetValue(store, out var stack) && stack[^1].Tainted) shadowed.Add(field);
                foreach (var (use, field) in structStores)
                    if (MayStoreUndefined(use, flow, structLocals, StructShadowed)) structs.Add(field);
            }
            shadowed.ExceptWith(excluded);
            structs.ExceptWith(excluded);
            if (shadowed.Count + structs.Count == before) break;
        }
        // A scalar field whose address is taken anywhere (a ref local, a ref return, Interlocked) can be written through
        // that address, unseen, after a later undefined store made its companion undefined: it gets no companion.
        shadowed.ExceptWith(methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode.Code is Code.Ldflda or Code.Ldsflda && i.Operand is FieldReference)
            .Select(i => ((FieldReference)i.Operand).TryResolve()).OfType<FieldDefinition>());
        // A struct field whose address some method keeps or hands on (ref locals, ref returns, calls) could be written
        // through it after a later copy made its companion undefined: such a field gets no companion.
        foreach (var method in methods)
        {
            if (!method.HasBody) continue;
            var unfollowed = StructFieldUses(method, module, friends).Where(s => s.Use.OpCode.Code == Code.Ldflda && structs.Contains(s.Field)).ToList();
            if (unfollowed.Count == 0) continue;
            var followed = StructFieldReferences.Followed(method, JumpTargets(method)).Followed;
            structs.ExceptWith(unfollowed.Where(s => !followed.Contains(s.Use)).Select(s => s.Field));
        }
        // Any other method storing a shadowed field (or taking a struct field's address) must be one the pass can
        // follow, or its store would leave a stale shadow.
        foreach (var method in methods)
        {
            var stores = StoredFields(method, module, friends).Where(s => shadowed.Contains(s.Field)).ToList();
            var structStores = StructFieldUses(method, module, friends).Where(s => structs.Contains(s.Field)).ToList();
            if (stores.Count == 0 && structStores.Count == 0) continue;
            try { _ = new ShadowFlow(method, Shadowed, StructLocals.Of(method, StructShadowed), StructShadowed); }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or AssemblyResolutionException)
            {
                shadowed.ExceptWith(stores.Select(s => s.Field));
                structs.ExceptWith(structStores.Select(s => s.Field));
            }
        }
        var result = new FieldShadows();
        foreach (var field in shadowed.OrderBy(f => f.MetadataToken.RID))
            result._companions[field] = AddCompanions(module, field, module.TypeSystem.Int64);
        // A struct field's shadow is a struct of its own type: one shadow byte per byte, padding included.
        foreach (var field in structs.OrderBy(f => f.MetadataToken.RID))
            result._structCompanions[field] = AddCompanions(module, field, field.FieldType);
        return result;
    }

    static HashSet<Instruction> JumpTargets(MethodDefinition method) => method.Body.Instructions
        .SelectMany(i => i.Operand switch { Instruction t => [t], Instruction[] ts => ts, _ => Array.Empty<Instruction>() })
        .Concat(method.Body.ExceptionHandlers.SelectMany(h => new[] { h.HandlerStart, h.FilterStart, h.TryStart }).OfType<Instruction>())
        .ToHashSet();

    static (FieldDefinition Shadow, FieldDefinition Origin) AddCompanions(ModuleDefinition module, FieldDefinition field, TypeReference shadowType)
    {
        var attributes = FieldAttributes.Assembly | FieldAttributes.NotSerialized | (field.IsStatic ? FieldAttributes.Static : 0);
        var shadow = new FieldDefinition(field.Name + ShadowSuffix, attributes, shadowType);
        var origin = new FieldDefinition(field.Name + OriginSuffix, attributes, module.TypeSystem.Int32);
        field.DeclaringType.Fields.Add(shadow);
        field.DeclaringType.Fields.Add(origin);
        return (shadow, origin);
    }

    /// <summary>
    /// A store into struct field S that may carry undefined bytes: a copy of a struct loaded through an address
    /// (<c>obj.S = *p</c>), of a struct local with a shadow, or of another shadowed struct field; or a followed
    /// <c>ldflda S</c> whose part store (<c>obj.S.X = v</c>) may store an undefined value.
    /// </summary>
    static bool MayStoreUndefined(Instruction use, ShadowFlow flow, StructLocals structLocals, Func<FieldReference, bool> structShadowed)
    {
        if (use.OpCode.Code == Code.Stfld)
            return use.Previous switch
            {
                { OpCode.Code: Code.Ldobj } => true,
                { OpCode.Code: Code.Ldloc, Operand: VariableDefinition local } => structLocals.Has(local),
                { OpCode.Code: Code.Ldfld, Operand: FieldReference from } => structShadowed(from),
                _ => false,
            };
        if (!flow.FollowedStructFields.Contains(use)) return false;
        // A part store in the followed address's window (another address of the same struct type there only over-approximates).
        var structType = ((FieldReference)use.Operand).FieldType.FullName;
        var i = use.Next;
        for (int steps = 0; i is not null && steps < 64; steps++, i = i.Next)
        {
            if (!flow.Before.TryGetValue(i, out var stack)) return false;
            if (i.OpCode.Code == Code.Stfld && stack.Length >= 2 && stack[^1].Tainted && i.Operand is FieldReference part && part.DeclaringType.FullName == structType) return true;
            bool throughPart = flow.StructFieldParts.ContainsValue(use) && ElementReferences.AccessSize(i) is not null;
            if (throughPart && i.OpCode.Code is Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R4 or Code.Stind_R8 or Code.Stobj
                && stack.Length >= 2 && stack[^1].Tainted) return true;
            if (i.OpCode.FlowControl is not (FlowControl.Next or FlowControl.Call)) return false;
        }
        return false;
    }

    /// <summary>Stores into (stfld) and addresses of (ldflda) struct-typed fields in <paramref name="method"/> that could have companions.</summary>
    static IEnumerable<(Instruction Use, FieldDefinition Field)> StructFieldUses(MethodDefinition method, ModuleDefinition module, bool friends)
    {
        if (!method.HasBody) yield break;
        foreach (var i in method.Body.Instructions)
            if (i.OpCode.Code is Code.Stfld or Code.Ldflda && i.Operand is FieldReference reference
                && reference.TryResolve() is { } field && field.Module == module && EligibleStruct(field, friends))
                yield return (i, field);
    }

    /// <summary>An instance field of unmanaged struct type in a class the module owns, which no other module can write.</summary>
    static bool EligibleStruct(FieldDefinition field, bool friends)
    {
        var type = field.DeclaringType;
        if (field.IsStatic || type.IsValueType || type.IsInterface || type.IsExplicitLayout || type.IsSequentialLayout || Pipeline.ModuleContext.IsGenerated(type)) return false;
        if (field.CustomAttributes.Any(a => a.AttributeType.Name is "FixedBufferAttribute")) return false;
        if (!StructLocals.IsUnmanagedStruct(field.FieldType)) return false;
        return !VisibleOutside(field, friends);
    }

    /// <summary>Stores (stfld/stsfld) in <paramref name="method"/> into fields that could have companions.</summary>
    static IEnumerable<(Instruction Store, FieldDefinition Field)> StoredFields(MethodDefinition method, ModuleDefinition module, bool friends)
    {
        if (!method.HasBody) yield break;
        foreach (var i in method.Body.Instructions)
            if (i.OpCode.Code is Code.Stfld or Code.Stsfld && i.Operand is FieldReference reference
                && reference.TryResolve() is { } field && field.Module == module && Eligible(field, friends))
                yield return (i, field);
    }

    static bool Eligible(FieldDefinition field, bool friends)
    {
        var type = field.DeclaringType;
        if (field.IsLiteral || type.IsInterface || type.IsEnum || Pipeline.ModuleContext.IsGenerated(type)) return false;
        if (!field.IsStatic && (type.IsValueType || type.IsExplicitLayout || type.IsSequentialLayout)) return false;
        if (field.IsStatic && type.IsValueType) return false;
        if (field.CustomAttributes.Any(a => a.AttributeType.Name is "ThreadStaticAttribute" or "FixedBufferAttribute")) return false;
        if (!ValueKinds.IsScalar(ValueKinds.Of(field.FieldType)) || ValueKinds.SizeOf(field.FieldType) is null) return false;
        return !VisibleOutside(field, friends);
    }

    /// <summary>Another module could store into the field (then its companion would not follow).</summary>
    static bool VisibleOutside(FieldDefinition field, bool friends)
    {
        bool typeVisible = true;
        for (var t = field.DeclaringType; t is not null; t = t.DeclaringType)
            if (!(t.IsPublic || t.IsNestedPublic || t.IsNestedFamily || t.IsNestedFamilyOrAssembly || friends && (t.IsNotPublic || t.IsNestedAssembly || t.IsNestedFamilyAndAssembly)))
                typeVisible = false;
        if (!typeVisible) return false;
        return !(field.IsPrivate || !friends && (field.IsAssembly || field.IsFamilyAndAssembly));
    }

    public (FieldReference Shadow, FieldReference Origin)? Of(FieldReference field) => Lookup(_companions, field);

    /// <summary>The companions of a struct-typed field (the shadow a struct of the field's type), or null.</summary>
    public (FieldReference Shadow, FieldReference Origin)? StructOf(FieldReference field) => Lookup(_structCompanions, field);

    public bool HasStruct(FieldReference field) => StructOf(field) is not null;

    /// <summary>Any companion: a method touching the field must be rewritten.</summary>
    public bool HasAny(FieldReference field) => Has(field) || HasStruct(field);

    static (FieldReference Shadow, FieldReference Origin)? Lookup(Dictionary<FieldDefinition, (FieldDefinition Shadow, FieldDefinition Origin)> companions, FieldReference field)
    {
        if (companions.Count == 0 || field.TryResolve() is not { } definition || !companions.TryGetValue(definition, out var pair)) return null;
        if (field.DeclaringType is not GenericInstanceType) return (pair.Shadow, pair.Origin);
        return (new FieldReference(pair.Shadow.Name, pair.Shadow.FieldType, field.DeclaringType), new FieldReference(pair.Origin.Name, pair.Origin.FieldType, field.DeclaringType));
    }

    public bool Has(FieldReference field) => Of(field) is not null;
}
