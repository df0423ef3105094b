using System.Runtime.CompilerServices;
using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address;

/// <summary>
/// ASan's manual poisoning for a program's own allocators (SharpSan.Annotations.MemoryPoisoning): the shadow rules of
/// <c>__asan_poison_memory_region</c> / <c>__asan_unpoison_memory_region</c> at 8-byte granules, and who poisoned
/// what, so that a use-after-poison report names the allocator's call. Cold path: allocators call it per chunk.
/// </summary>
internal static unsafe class UserPoisoning
{
    sealed record Poisoning(nuint Length, int Stack, int Thread, long Sequence);

    /// <summary>Poisoned ranges by start address (the latest call wins); consulted only to describe a report.</summary>
    static readonly Dictionary<nuint, Poisoning> s_byStart = [];
    static long s_sequence;

    public static void Poison(nuint address, nuint length, int stack)
    {
        if (length == 0) return;
        nuint end = address + length, begin = address;
        if ((begin & (ShadowMemory.Granule - 1)) != 0)
        {
            // A granule's shadow says how many of its first bytes are addressable: poisoning its tail shrinks that count.
            nuint granuleEnd = (begin | (ShadowMemory.Granule - 1)) + 1;
            if (end >= granuleEnd)
            {
                sbyte* shadow = ShadowMemory.For(begin);
                sbyte offset = (sbyte)(begin & (ShadowMemory.Granule - 1));
                if (*shadow == 0 || *shadow > offset) *shadow = offset;
            }
            begin = granuleEnd;
        }
        nuint wholeEnd = end & ~(nuint)(ShadowMemory.Granule - 1);
        if (begin < wholeEnd) ShadowMemory.Poison(begin, wholeEnd - begin, ShadowCode.UserPoisoned);
        if (end > wholeEnd && wholeEnd >= begin)
        {
            // The last granule only when none of its addressable bytes lies past the range (ASan's rule).
            sbyte* shadow = ShadowMemory.For(wholeEnd);
            if (*shadow > 0 && *shadow <= (sbyte)(end - wholeEnd)) *shadow = unchecked((sbyte)ShadowCode.UserPoisoned);
        }
        lock (s_byStart) s_byStart[address] = new Poisoning(length, stack, ThreadRegistry.CurrentId, ++s_sequence);
    }

    public static void Unpoison(nuint address, nuint length)
    {
        if (length == 0) return;
        nuint end = address + length;
        nuint first = address & ~(nuint)(ShadowMemory.Granule - 1);
        nuint wholeEnd = end & ~(nuint)(ShadowMemory.Granule - 1);
        if (first < wholeEnd) ShadowMemory.Unpoison(first, wholeEnd - first);
        if (end > wholeEnd)
        {
            // A partial last granule: its first (end - granule) bytes at least become addressable.
            sbyte* shadow = ShadowMemory.For(wholeEnd);
            sbyte tail = (sbyte)(end - wholeEnd);
            if (*shadow < 0 || (*shadow > 0 && *shadow < tail)) *shadow = tail;
        }
        // A poisoning wider than this range (an arena's whole block, poisoned at creation) still describes the rest of it.
        lock (s_byStart)
            if (s_byStart.TryGetValue(address, out var poisoning) && poisoning.Length <= length) s_byStart.Remove(address);
    }

    /// <summary>"Memory was poisoned by thread T0 here:" and the stack of the latest poisoning that covers the address.</summary>
    public static void PrintPoisoner(nuint address, ReportBuilder report)
    {
        Poisoning? latest = null;
        lock (s_byStart)
            foreach (var (start, poisoning) in s_byStart)
                if (address >= start && address - start < poisoning.Length && (latest is null || poisoning.Sequence > latest.Sequence))
                    latest = poisoning;
        if (latest is null) return;
        report.Line($"Memory was poisoned by thread {ThreadRegistry.Describe(latest.Thread)} here:");
        report.Stack(latest.Stack);
        report.Line();
    }

    /// <summary>
    /// Clears the shadow of a poisoned array once it is garbage: the record holds the array, so its memory is not
    /// reused before the finalizer ran (as the checking pool's records do).
    /// </summary>
    sealed class ArrayShadow(object array, nuint begin, nuint bytes)
    {
        ~ArrayShadow()
        {
            ShadowMemory.Clear(begin, bytes);
            GC.KeepAlive(array);
        }
    }

    static readonly ConditionalWeakTable<object, ArrayShadow> s_arrays = new();
    static int s_movableWarned;

    /// <summary>The address of element <paramref name="start"/> of a pinned array, or 0 (after a one-time warning) for one the GC may move.</summary>
    public static nuint ElementAddress<T>(T[] array, int start) where T : unmanaged
    {
        if (!Pins.PinnedObjects.NeverMoves(array))
        {
            if (Interlocked.Exchange(ref s_movableWarned, 1) == 0)
                Console.Error.WriteLine($"=={SanitizerRuntime.Pid}==WARNING: SharpSan: MemoryPoisoning ignores arrays the GC may move (a {typeof(T).Name}[{array.Length}] here); " +
                    "allocate them with GC.AllocateArray<T>(length, pinned: true)");
            return 0;
        }
        var (begin, bytes) = Pins.PinnedObjects.DataOf(array);
        s_arrays.TryAdd(array, new ArrayShadow(array, begin, bytes));
        return begin + (nuint)start * (nuint)sizeof(T);
    }
}
