using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Collections.Generic;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Decides which fields of a module get ThreadSanitizer shadow state and adds it: a <c>RaceCell</c> next to each such
/// field (RoadRunner's shadow field: it moves with its object, so no address is ever needed) — one per member for a
/// small struct-typed field (<see cref="StructMembers"/>: Point.X and Point.Y are different locations) — and a flow-clock field
/// in each async state machine, and a sync-clock slot next to each field used atomically (volatile, or passed to
/// Interlocked/Volatile in this module) so an atomic access finds its clock without a weak-table lookup. Value types and classes with explicit or sequential layout are never changed
/// (their size matters to sizeof, pointer arithmetic and interop); read-only fields cannot race after construction.
/// </summary>
public sealed class RaceShadowFields
{
    public const string RaceCellType = "SharpSan.Runtime.Races.Shadow.RaceCell";
    const string FlowFieldName = "<>sharpsan_flow";
    const string SyncSuffix = "<>sync";
    /// <summary>Must match SharpSan.Runtime's MemberCells.ShadowSuffix (a report names a member from its cell's name).</summary>
    const string ShadowSuffix = "<>race";

    readonly Dictionary<FieldDefinition, FieldDefinition> _shadows = [];
    readonly Dictionary<FieldDefinition, List<(string Path, FieldDefinition Cell)>> _memberShadows = [];
    readonly Dictionary<FieldDefinition, GenericParameter> _typedByParameter = [];
    readonly Dictionary<TypeDefinition, FieldDefinition> _flows = [];
    readonly Dictionary<FieldDefinition, FieldDefinition> _syncs = [];
    readonly HashSet<FieldDefinition> _atomicStructFields = [];

    public RaceShadowFields(ModuleDefinition module, TypeReference raceCell)
    {
        var capturedOnce = CapturedOnce.Find(module);
        foreach (var type in Il.ModuleTypes.All(module))
        {
            if (IsAsyncStateMachine(type))
            {
                var flow = new FieldDefinition(FlowFieldName, FieldAttributes.Public | FieldAttributes.NotSerialized, module.TypeSystem.Object);
                type.Fields.Add(flow);
                _flows[type] = flow;
            }
            bool instanceShadows = MayHaveShadows(type);
            if (!instanceShadows && !MayHaveStaticShadows(type)) continue;
            foreach (var field in type.Fields.ToList())
            {
                if (!NeedsShadow(field) || capturedOnce.Contains(field) || !field.IsStatic && !instanceShadows) continue;
                var attributes = FieldAttributes.Assembly | FieldAttributes.NotSerialized | (field.IsStatic ? FieldAttributes.Static : 0);
                if (StructMembers.WithTypes(field.FieldType) is { } members)
                {
                    // One cell per member of a small struct, named by its path ("origin.X<>race"): a report finds the
                    // cell that raced among the field's cells and names the member.
                    var cells = members.Select(m => (m.Path, new FieldDefinition(field.Name + "." + m.Path + ShadowSuffix, attributes, raceCell))).ToList();
                    foreach (var (_, cell) in cells) type.Fields.Add(cell);
                    _memberShadows[field] = cells;
                    foreach (var ((_, memberType), (_, cell)) in members.Zip(cells))
                        if (memberType is GenericParameter parameter) _typedByParameter[cell] = parameter;
                    continue;
                }
                var shadow = new FieldDefinition(field.Name + ShadowSuffix, attributes, raceCell);
                type.Fields.Add(shadow);
                _shadows[field] = shadow;
                if (field.FieldType is GenericParameter typedBy) _typedByParameter[shadow] = typedBy;
            }
        }
        foreach (var field in AtomicTargets(module))
        {
            if (!MayHaveShadows(field.DeclaringType))
            {
                _atomicStructFields.Add(field);
                continue;
            }
            var attributes = FieldAttributes.Assembly | FieldAttributes.NotSerialized | (field.IsStatic ? FieldAttributes.Static : 0);
            var sync = new FieldDefinition(field.Name + SyncSuffix, attributes, module.TypeSystem.Object);
            field.DeclaringType.Fields.Add(sync);
            _syncs[field] = sync;
        }
    }

    /// <summary>Fields of this module's shadowed classes that are volatile or whose address an Interlocked/Volatile call takes.</summary>
    static HashSet<FieldDefinition> AtomicTargets(ModuleDefinition module)
    {
        var targets = new HashSet<FieldDefinition>();
        foreach (var type in Il.ModuleTypes.All(module))
        {
            if (MayHaveShadows(type))
                targets.UnionWith(type.Fields.Where(f => IsVolatile(f) && !f.IsLiteral));
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                HashSet<Instruction>? blockStarts = null;
                foreach (var i in method.Body.Instructions)
                {
                    if (i.OpCode.Code is not (Code.Ldflda or Code.Ldsflda) || ((FieldReference)i.Operand).TryResolve() is not { } field) continue;
                    if (field.Module != module || !(MayHaveShadows(field.DeclaringType) || field.DeclaringType.IsValueType)) continue;
                    blockStarts ??= Il.ModuleTypes.BlockStarts(method.Body);
                    if (AccessUse.Of(i, method, blockStarts).Use == AddressUse.Atomic) targets.Add(field);
                }
            }
        }
        return targets;
    }

    /// <summary>
    /// A reference-typed field that this module also uses atomically (Interlocked.CompareExchange/Exchange on it): the
    /// lock-free pools and caches of .NET code publish objects through such fields with plain stores, relying on .NET's
    /// memory model (an object assignment is a release for the stored instance; the reader's data-dependent loads see
    /// it; and pointer-sized accesses are atomic). Its plain stores and loads are treated as atomic ones — release and
    /// acquire on its clock, recorded as atomic in its shadow — so the slot itself races with nothing and the objects
    /// handed over through it are not reported as racing between their old and new owner.
    /// </summary>
    public bool IsPublication(FieldReference field)
    {
        if (field.FieldType.IsValueType || IsVolatile(field) || field.TryResolve() is not { } definition) return false;
        return _syncs.ContainsKey(definition) || _atomicStructFields.Contains(definition);
    }

    /// <summary>The sync-clock slot of an atomically used field, as seen through the same declaring type, or null.</summary>
    public FieldReference? SyncOf(FieldReference field) => Companion(field, _syncs);

    /// <summary>The shadow of <paramref name="field"/> as seen through the same (possibly generic-instance) declaring type, or null.</summary>
    public FieldReference? ShadowOf(FieldReference field) => Companion(field, _shadows);

    static FieldReference? Companion(FieldReference field, Dictionary<FieldDefinition, FieldDefinition> companions)
    {
        if (field.DeclaringType.Scope != field.Module && field.DeclaringType.Module != field.Module) return null;
        if (field.TryResolve() is not { } definition || !companions.TryGetValue(definition, out var companion)) return null;
        return field.DeclaringType is GenericInstanceType ? new FieldReference(companion.Name, companion.FieldType, field.DeclaringType) : companion;
    }

    /// <summary>
    /// The member cells of a struct-typed field split by <see cref="StructMembers"/> (paths below the field, cells as
    /// seen through the same declaring type), or null when the field has one cell (<see cref="ShadowOf"/>) or none.
    /// </summary>
    public IReadOnlyList<(string Path, FieldReference Cell)>? MembersOf(FieldReference field)
    {
        if (field.DeclaringType.Scope != field.Module && field.DeclaringType.Module != field.Module) return null;
        if (field.TryResolve() is not { } definition || !_memberShadows.TryGetValue(definition, out var cells)) return null;
        return field.DeclaringType is GenericInstanceType
            ? cells.Select(c => (c.Path, (FieldReference)new FieldReference(c.Cell.Name, c.Cell.FieldType, field.DeclaringType))).ToList()
            : cells.Select(c => (c.Path, (FieldReference)c.Cell)).ToList();
    }

    /// <summary>
    /// For a cell whose field or struct member is typed by a generic parameter of the field's owner (<c>P policy</c> in
    /// <c>Cache&lt;K, P&gt;</c>), that type as seen through <paramref name="cell"/>'s declaring type (a concrete type or a
    /// parameter of the accessing code): its accesses are checked only when the type holds data at run time — an empty
    /// struct (a stateless policy, TSan's zero-size access) cannot race, whatever the union of implementations that may
    /// stand for it writes. Null for other cells.
    /// </summary>
    public TypeReference? DataTypeOf(FieldReference cell)
    {
        if (cell.TryResolve() is not { } definition || !_typedByParameter.TryGetValue(definition, out var parameter)) return null;
        return cell.DeclaringType is GenericInstanceType instance && parameter.Position < instance.GenericArguments.Count
            ? instance.GenericArguments[parameter.Position]
            : parameter;
    }

    /// <summary>The flow-clock field of the async state machine <paramref name="type"/>, as seen from its own methods.</summary>
    public FieldReference? FlowOf(TypeDefinition type)
    {
        if (!_flows.TryGetValue(type, out var flow)) return null;
        if (!type.HasGenericParameters) return flow;
        var self = new GenericInstanceType(type);
        foreach (var p in type.GenericParameters) self.GenericArguments.Add(p);
        return new FieldReference(flow.Name, flow.FieldType, self);
    }

    static bool MayHaveShadows(TypeDefinition type) =>
        type.IsClass && !type.IsValueType && !type.IsInterface && !type.IsExplicitLayout && !type.IsSequentialLayout
        && !Pipeline.ModuleContext.IsGenerated(type) && !HasAttribute(type.CustomAttributes, "NoSanitizeAttribute");

    /// <summary>
    /// Statics of structs and of explicit/sequential-layout classes: a static shadow changes no instance layout, so
    /// their statics are checked like any class's.
    /// </summary>
    static bool MayHaveStaticShadows(TypeDefinition type) =>
        (type.IsClass || type.IsValueType) && !type.IsInterface && !type.IsEnum && !Pipeline.ModuleContext.IsGenerated(type)
        && !HasAttribute(type.CustomAttributes, "NoSanitizeAttribute");

    static bool NeedsShadow(FieldDefinition field) =>
        !field.IsLiteral && !field.IsInitOnly && !field.HasConstant && field.RVA == 0 && !field.Name.EndsWith(ShadowSuffix, StringComparison.Ordinal) && !field.Name.EndsWith(SyncSuffix, StringComparison.Ordinal)
        && field.Name != FlowFieldName
        && !field.Name.Contains("<>msan", StringComparison.Ordinal)   // memory mode's definedness companions: SharpSan's bookkeeping, not the program's data
        && field.Name != "<>t__builder"   // an async state machine's builder: Task/SetResult synchronise inside the framework
        && !field.Name.StartsWith("<>9", StringComparison.Ordinal)   // the compiler's lambda singleton and cached delegates: racing to fill them is by design
        && field.DeclaringType.Name != "<>O"   // the compiler's cache of method-group delegates (C# 11): the same by-design race
        && !HasAttribute(field.CustomAttributes, "ThreadStaticAttribute") && !HasAttribute(field.CustomAttributes, "BenignRaceAttribute")
        && !IsVolatile(field);

    /// <summary>A <c>volatile</c> field: its accesses are atomic (acquire/release), never data races.</summary>
    public static bool IsVolatile(FieldReference field) =>
        field.FieldType is RequiredModifierType { ModifierType.FullName: "System.Runtime.CompilerServices.IsVolatile" };

    public static bool HasAttribute(Collection<CustomAttribute> attributes, string name) =>
        attributes.Any(a => a.AttributeType.Name == name);

    public static bool IsAsyncStateMachine(TypeDefinition type) =>
        type.Interfaces.Any(i => i.InterfaceType.FullName == "System.Runtime.CompilerServices.IAsyncStateMachine");

}
