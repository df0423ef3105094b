using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Address.Leaks;

/// <summary>
/// Walks the managed object graph from root values and hands every pointer-sized word that may be a native pointer
/// to <c>candidate</c>. Values are read without reflection's boxing paths wherever those can fail: arrays by their
/// raw element memory (pointers, function pointers, nint and structs of them as words; object arrays as references),
/// boxed structs by their bytes. Reflection only reads reference-typed fields and structs that hold references.
/// A value that cannot be read is skipped and named in <see cref="Unreadable"/>; the walk never throws.
/// </summary>
internal sealed class RootWalk(Action<nuint> candidate)
{
    /// <summary>Objects visited at most (each holds or may lead to a pointer); beyond it the walk stops and says so.</summary>
    public const int MaxObjects = 20_000_000;

    readonly HashSet<object> _visited = new(ReferenceEqualityComparer.Instance);
    readonly Stack<object> _pending = new();

    public UnreadableRoots Unreadable { get; } = new();

    public bool Truncated { get; private set; }

    /// <summary>A root value; <paramref name="where"/> names it in warnings.</summary>
    public void Root(object? value, string where)
    {
        try { Value(value); }
        catch (Exception e) { Unreadable.Add(where, e); }
    }

    /// <summary>Follows everything reachable from the roots given so far.</summary>
    public void Drain()
    {
        while (_pending.Count > 0)
        {
            object obj = _pending.Pop();
            try { Object(obj); }
            catch (Exception e) { Unreadable.Add(TypeName(obj.GetType()), e); }
        }
    }

    void Value(object? value)
    {
        switch (value)
        {
            case null: return;
            case IntPtr p: candidate((nuint)(nint)p); return;
            case UIntPtr u: candidate((nuint)u); return;
            case Pointer ptr: unsafe { candidate((nuint)Pointer.Unbox(ptr)); } return;
        }
        var type = value.GetType();
        if (type.IsValueType)
        {
            Struct(type, value);
            return;
        }
        if (PlanOf(type) is not { } plan) return;
        if (plan.Leaf)
        {
            // A leaf (only pointer-sized fields, nothing to follow): read now, no need to remember it.
            ReferenceFields(type, value);
            return;
        }
        if (_visited.Count >= MaxObjects) { Truncated = true; return; }
        if (_visited.Add(value)) _pending.Push(value);
    }

    /// <summary>A boxed struct: its bytes as words, then its reference fields (which only reflection can read safely).</summary>
    void Struct(Type type, object boxed)
    {
        var shape = RootTypes.Shape(type);
        if (shape == RootShape.Nothing) return;
        Words(ref RawData.Of(boxed), (nuint)RootTypes.SizeOf(type));
        if (shape == RootShape.MixedStruct) ReferenceFields(type, boxed);
    }

    void Object(object obj)
    {
        if (obj is Array array)
        {
            Array(array);
            return;
        }
        ReferenceFields(obj.GetType(), obj);
    }

    /// <summary>
    /// The fields of <paramref name="owner"/> (an object, or a boxed struct) that may lead to pointers, except those
    /// read as raw words already: pointers and structs without references are covered by the struct's byte scan.
    /// </summary>
    void ReferenceFields(Type type, object owner)
    {
        if (PlanOf(type) is not { } plan) return;
        foreach (var field in plan.Fields)
        {
            object? value;
            try { value = field.GetValue(owner); }
            catch (Exception e) { Unreadable.Add(TypeName(field.DeclaringType!) + "." + field.Name, e); continue; }
            Value(value);
        }
    }

    readonly Dictionary<Type, ObjectPlan?> _plans = [];

    /// <summary>The fields to read by reflection; a leaf has only pointer-sized ones (nothing to follow further).</summary>
    sealed record ObjectPlan(FieldInfo[] Fields, bool Leaf);

    /// <summary>
    /// For an object's exact type (or a struct's): how to read it, or null when nothing in it can lead to a pointer.
    /// A struct's pointers and reference-free structs are left out: its byte scan covers them. One lookup per object;
    /// the walk runs on one thread.
    /// </summary>
    ObjectPlan? PlanOf(Type type)
    {
        if (_plans.TryGetValue(type, out var plan)) return plan;
        if (!RootTypes.ObjectLeadsToPointer(type)) plan = null;
        else if (type.IsArray) plan = new ObjectPlan([], Leaf: false);
        else
        {
            var fields = RootTypes.FieldsToRead(type);
            if (type.IsValueType) fields = [.. fields.Where(f => RootTypes.Shape(f.FieldType) is not (RootShape.Word or RootShape.RawStruct))];
            plan = new ObjectPlan(fields, Leaf: !type.IsValueType && fields.All(f => RootTypes.Shape(f.FieldType) == RootShape.Word));
        }
        _plans[type] = plan;
        return plan;
    }

    void Array(Array array)
    {
        var element = array.GetType().GetElementType()!;
        var shape = RootTypes.Shape(element);
        switch (shape)
        {
            case RootShape.Nothing:
                return;
            case RootShape.Reference:
                // Any vector of a reference type is an object[] to the CLR (covariance): read as references, no boxing.
                if (array is object?[] vector) foreach (object? item in vector) Value(item);
                else foreach (object? item in array) Value(item);
                return;
            case RootShape.Word or RootShape.RawStruct:
                Words(ref MemoryMarshal.GetArrayDataReference(array), (nuint)array.LongLength * (nuint)RootTypes.SizeOf(element));
                return;
            case RootShape.MixedStruct:
                Words(ref MemoryMarshal.GetArrayDataReference(array), (nuint)array.LongLength * (nuint)RootTypes.SizeOf(element));
                // The references inside each element: a boxed copy per element (structs are never pointers, so GetValue
                // works), only when some reference in it may lead further (Dictionary<string, nint>'s entries: none).
                if (PlanOf(element) is not { Fields.Length: > 0 }) return;
                if (array.Rank == 1)
                    for (int i = 0; i < array.Length; i++) ReferenceFields(element, array.GetValue(i)!);
                else
                    foreach (object? item in array) ReferenceFields(element, item!);
                return;
        }
    }

    /// <summary>Every aligned pointer-sized word of <paramref name="bytes"/> bytes starting at <paramref name="start"/>.</summary>
    void Words(ref byte start, nuint bytes)
    {
        nuint size = (nuint)IntPtr.Size;
        for (nuint offset = 0; offset + size <= bytes; offset += size)
            candidate(Unsafe.ReadUnaligned<nuint>(ref Unsafe.Add(ref start, offset)));
    }

    public static string TypeName(Type type) => Pools.ElementNames.Of(type);

    /// <summary>The first field of any object: a reference to it is a reference to the object's (or the boxed value's) data.</summary>
    sealed class RawData
    {
        public byte Data;

        public static ref byte Of(object obj) => ref Unsafe.As<RawData>(obj).Data;
    }
}
