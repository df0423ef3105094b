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

    // Loops touch one array many times: a one-entry cache per thread skips the weak table.
    [ThreadStatic] static Array? t_lastArray;
    [ThreadStatic] static ArrayShadow? t_lastShadow;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ArrayShadow Of(Array array)
    {
        if (ReferenceEquals(t_lastArray, array)) return t_lastShadow!;
        return Lookup(array);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static ArrayShadow Lookup(Array array)
    {
        var shadow = s_table.GetValue(array, a => new ArrayShadow(a.Length, Interlocked.Increment(ref s_nextId)));
        t_lastArray = array;
        t_lastShadow = shadow;
        return shadow;
    }
}
