using System;

namespace SharpSan.Annotations;

/// <summary>
/// AddressSanitizer's manual poisoning (<c>__asan_poison_memory_region</c> / <c>__asan_unpoison_memory_region</c>) for
/// a program's own allocators: an arena over one big native block, a free list, a custom pool. Poison what the
/// allocator does not hand out (freed chunks, redzones between chunks, returned arrays) and unpoison what it hands out;
/// under <c>--sanitize address</c> any access to a poisoned byte is reported as <c>use-after-poison</c> with the stack
/// that poisoned it. Without SharpSan these calls do nothing.
/// <para>As in ASan, memory is tracked in 8-byte granules: poisoning a range that ends inside a granule leaves that
/// granule's bytes addressable, so keep chunk boundaries 8-byte aligned to have every byte checked. An array must not
/// move: allocate it with <c>GC.AllocateArray&lt;T&gt;(n, pinned: true)</c> (other arrays are left unpoisoned, with a
/// warning).</para>
/// </summary>
public static unsafe class MemoryPoisoning
{
    /// <summary>Marks [address, address + length) inaccessible.</summary>
    public static void Poison(void* address, nuint length) { }

    /// <inheritdoc cref="Poison(void*, nuint)"/>
    public static void Poison(IntPtr address, nuint length) { }

    /// <summary>Marks the elements [start, start + count) of a pinned array inaccessible.</summary>
    public static void Poison<T>(T[] array, int start, int count) where T : unmanaged => CheckRange(array, start, count);

    /// <summary>Marks [address, address + length) accessible again.</summary>
    public static void Unpoison(void* address, nuint length) { }

    /// <inheritdoc cref="Unpoison(void*, nuint)"/>
    public static void Unpoison(IntPtr address, nuint length) { }

    /// <summary>Marks the elements [start, start + count) of a pinned array accessible again.</summary>
    public static void Unpoison<T>(T[] array, int start, int count) where T : unmanaged => CheckRange(array, start, count);

    /// <summary>The same argument checks instrumented code gets, so a wrong call fails alike with and without SharpSan.</summary>
    static void CheckRange<T>(T[] array, int start, int count)
    {
        if (array is null) throw new ArgumentNullException(nameof(array));
        if (start < 0 || count < 0 || start > array.Length - count)
            throw new ArgumentOutOfRangeException(nameof(count), $"[{start}, {start}+{count}) is not within an array of {array.Length}");
    }
}
