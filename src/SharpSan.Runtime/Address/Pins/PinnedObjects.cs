using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Address.Pools;

namespace SharpSan.Runtime.Address.Pins;

/// <summary>Where a pinnable object's data lies, and which objects never move (so ending their pin is harmless).</summary>
internal static unsafe class PinnedObjects
{
    /// <summary>Arrays checked code allocated on the pinned object heap (GC.AllocateArray(pinned: true), the checking pools).</summary>
    static readonly ConditionalWeakTable<object, object> s_neverMove = new();
    static readonly ConcurrentDictionary<Type, int> s_elementSizes = new();
    static readonly MethodInfo s_sizeOf = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!;

    public static void MarkNeverMoves(object o) => s_neverMove.AddOrUpdate(o, s_neverMove);

    /// <summary>
    /// Pinned-heap arrays we saw allocated, frozen objects (string literals: GetGeneration says int.MaxValue) and
    /// arrays in a pinned-heap region (allocated by unchecked code; they are gen 2 from birth) keep their address for life.
    /// </summary>
    public static bool NeverMoves(object o) =>
        s_neverMove.TryGetValue(o, out _) || GC.GetGeneration(o) is var generation && (generation == int.MaxValue ||
            generation == GC.MaxGeneration && o is Array && PinnedHeapRegions.Contains(DataOf(o).Start));

    /// <summary>
    /// The data of an array, a string or another class instance (its fields, for <c>fixed (int* p = &amp;obj.field)</c>):
    /// its address now and its size in bytes; (0, 0) when the runtime does not tell an instance's size.
    /// </summary>
    public static (nuint Start, nuint Bytes) DataOf(object o) => o switch
    {
        string s => ((nuint)Unsafe.AsPointer(ref Unsafe.AsRef(in s.GetPinnableReference())), (nuint)s.Length * sizeof(char)),
        Array a => ((nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(a)), (nuint)a.LongLength * (nuint)ElementSize(a.GetType())),
        _ when s_instanceSize is { } size => ((nuint)Unsafe.AsPointer(ref Unsafe.As<RawObject>(o).FirstField), size(o)),
        _ => (0, 0),
    };

    /// <summary>
    /// <see cref="DataOf"/> for an array or string that is pinned now (a hot <c>fixed</c> block's): an array's element size
    /// is read from its method table (the component size, the low half of its first word, which the GC itself reads)
    /// instead of from its type. Only safe while the object cannot move: the raw object address is dereferenced.
    /// </summary>
    public static (nuint Start, nuint Bytes) DataOfPinned(object o)
    {
        if (o is not Array a) return DataOf(o);
        nint methodTable = *(nint*)*(nint*)Unsafe.AsPointer(ref o);
        return ((nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(a)), (nuint)a.LongLength * *(ushort*)methodTable);
    }

    /// <summary>Any class instance seen through this layout: its first field starts where the object's data does.</summary>
    sealed class RawObject
    {
        public byte FirstField;
    }

    /// <summary>RuntimeHelpers.GetRawObjectDataSize (internal to CoreLib since .NET 5): the bytes of an instance's fields.</summary>
    static readonly Func<object, nuint>? s_instanceSize = typeof(RuntimeHelpers)
        .GetMethod("GetRawObjectDataSize", BindingFlags.NonPublic | BindingFlags.Static, [typeof(object)])?.CreateDelegate<Func<object, nuint>>();

    /// <summary>"byte[64]", "string of length 5": how a report names an object of <paramref name="type"/> with <paramref name="length"/> elements.</summary>
    public static string Describe(Type type, long length) =>
        type == typeof(string) ? $"string of length {length}"
        : type.IsArray ? $"{ElementNames.Of(type.GetElementType()!)}[{length}]"
        : type.FullName ?? type.Name;

    /// <summary>The last array type asked about, and its element size: hot fixed loops pin one type over and over.</summary>
    static Tuple<Type, int>? s_last;

    static int ElementSize(Type arrayType)
    {
        if (s_last is { } last && last.Item1 == arrayType) return last.Item2;
        int size = s_elementSizes.GetOrAdd(arrayType, t => (int)s_sizeOf.MakeGenericMethod(t.GetElementType()!).Invoke(null, null)!);
        s_last = Tuple.Create(arrayType, size);
        return size;
    }
}
