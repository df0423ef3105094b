using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Races.Shadow;

/// <summary>The shadow cells of one array's elements, found from the array through a weak table (so they move and die with it).</summary>
internal sealed class ArrayShadow(int length, int id)
{
    public readonly RaceCell[] Cells = new RaceCell[length];
    /// <summary>Stable number of this array for history keys (the array itself moves).</summary>
    public readonly int Id = id;
}

internal static class ArrayShadows
{
    static readonly ConditionalWeakTable<Array, ArrayShadow> s_table = new();
    static int s_nextId;

    const string Site = "ArrayShadows.Lookup";

    /// <summary>
    /// The array's shadow; loops touch one array many times, so the thread keeps the last one it looked up. Null when
    /// an internal error kept it from being made (a huge array's cells): the array's elements go unchecked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ArrayShadow? Of(Array array, RaceThread thread)
    {
        if (ReferenceEquals(thread.LastArray, array)) return thread.LastShadow;
        return Lookup(array, thread);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static ArrayShadow? Lookup(Array array, RaceThread thread)
    {
        ArrayShadow? shadow;
        try
        {
            Common.InternalErrors.Inject(Site);
            shadow = s_table.GetValue(array, a => new ArrayShadow(a.Length, Interlocked.Increment(ref s_nextId)));
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
            shadow = null;   // unrecorded accesses can hide a race, never invent one
        }
        thread.LastArray = array;
        thread.LastShadow = shadow;
        return shadow;
    }
}
