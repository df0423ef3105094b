using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Collections;

/// <summary>The one shadow cell of a collection object: every call on it is one access to this cell.</summary>
internal sealed class CollectionShadow(int id)
{
    public RaceCell Cell;
    public readonly int Id = id;
}

internal static class CollectionShadows
{
    static readonly ConditionalWeakTable<object, CollectionShadow> s_shadows = new();
    static int s_nextId;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CollectionShadow Of(object collection) =>
        s_shadows.TryGetValue(collection, out var shadow) ? shadow : Create(collection);

    [MethodImpl(MethodImplOptions.NoInlining)]
    static CollectionShadow Create(object collection) =>
        s_shadows.GetValue(collection, _ => new CollectionShadow(Interlocked.Increment(ref s_nextId)));

    /// <summary>"Call to Dictionary&lt;string,int&gt;.Add (write)": the synthetic top frame of the access's stack.</summary>
    public static string Describe(object collection, string member, bool write) =>
        $"Call to {Reports.TypeNames.Of(collection.GetType(), qualified: false)}.{member} ({(write ? "write" : "read")})";
}
