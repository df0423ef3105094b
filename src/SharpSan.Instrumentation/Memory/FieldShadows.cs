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
/// assembly names a friend), on thread-statics, or on fields stored by a method the pass cannot follow; taking a
/// field's address (ldflda) makes it defined.
/// </summary>
public sealed class FieldShadows
{
    const string ShadowSuffix = "<>msan";
    const string OriginSuffix = "<>msan_origin";

    readonly Dictionary<FieldDefinition, (FieldDefinition Shadow, FieldDefinition Origin)> _companions = [];

    public static readonly FieldShadows None = new();

    FieldShadows() { }

    public bool IsEmpty => _companions.Count == 0;

    /// <summary>Finds the fields that may receive an undefined value (a fixpoint over the module's stores) and adds their companions.</summary>
    public static FieldShadows Add(ModuleDefinition module, IReadOnlyList<MethodDefinition> methods)
    {
        bool friends = module.Assembly?.CustomAttributes.Any(a => a.AttributeType.Name == "InternalsVisibleToAttribute") == true;
        var shadowed = new HashSet<FieldDefinition>();
        var excluded = new HashSet<FieldDefinition>();
        bool Shadowed(FieldReference f) => f.TryResolve() is { } d && shadowed.Contains(d);
        for (int round = 0; round < 8; round++)
        {
            int before = shadowed.Count;
            foreach (var method in methods)
            {
                var stores = StoredFields(method, module, friends).ToList();
                if (stores.Count == 0 || !MemoryShadowPass.Touches(method, Shadowed)) continue;
                ShadowFlow flow;
                try
                {
                    flow = new ShadowFlow(method, Shadowed);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or AssemblyResolutionException)
                {
                    excluded.UnionWith(stores.Select(s => s.Field));   // the pass skips this method: its stores would go unseen
                    continue;
                }
                foreach (var (store, field) in stores)
                    if (flow.Before.TryGetValue(store, out var stack) && stack[^1].Tainted) shadowed.Add(field);
            }
            shadowed.ExceptWith(excluded);
            if (shadowed.Count == before) break;
        }
        // Any other method storing a shadowed field must be one the pass can follow, or its store would leave a stale shadow.
        foreach (var method in methods)
        {
            var stores = StoredFields(method, module, friends).Where(s => shadowed.Contains(s.Field)).ToList();
            if (stores.Count == 0) continue;
            try { _ = new ShadowFlow(method, Shadowed); }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or AssemblyResolutionException)
            {
                shadowed.ExceptWith(stores.Select(s => s.Field));
            }
        }
        var result = new FieldShadows();
        foreach (var field in shadowed.OrderBy(f => f.MetadataToken.RID))
        {
            var attributes = FieldAttributes.Assembly | FieldAttributes.NotSerialized | (field.IsStatic ? FieldAttributes.Static : 0);
            var shadow = new FieldDefinition(field.Name + ShadowSuffix, attributes, module.TypeSystem.Int64);
            var origin = new FieldDefinition(field.Name + OriginSuffix, attributes, module.TypeSystem.Int32);
            field.DeclaringType.Fields.Add(shadow);
            field.DeclaringType.Fields.Add(origin);
            result._companions[field] = (shadow, origin);
        }
        return result;
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

    public (FieldReference Shadow, FieldReference Origin)? Of(FieldReference field)
    {
        if (_companions.Count == 0 || field.TryResolve() is not { } definition || !_companions.TryGetValue(definition, out var pair)) return null;
        if (field.DeclaringType is not GenericInstanceType) return (pair.Shadow, pair.Origin);
        return (new FieldReference(pair.Shadow.Name, pair.Shadow.FieldType, field.DeclaringType), new FieldReference(pair.Origin.Name, pair.Origin.FieldType, field.DeclaringType));
    }

    public bool Has(FieldReference field) => Of(field) is not null;
}
