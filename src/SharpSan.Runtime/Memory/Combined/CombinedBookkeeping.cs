using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Memory.Interceptors;

namespace SharpSan.Runtime.Memory.Combined;

/// <summary>
/// The definedness side of ASan's allocator under address+memory. Block sizes come from ASan's chunk headers (the
/// blocks are not malloc's). Freed bytes become defined, not poisoned: ASan's quarantine already reports any use
/// of them (heap-use-after-free), and a defined shadow keeps MSan from reporting the same read twice. Each step is
/// contained: after an internal error the bytes are left defined, which can only hide a report.
/// </summary>
internal static unsafe class CombinedBookkeeping
{
    const string Site = "MemorySanitizer.Combined";

    /// <summary>The user size of a live ASan chunk starting at <paramref name="block"/>; else malloc's usable size (a foreign block) or 0.</summary>
    public static nuint BlockSize(void* block)
    {
        if (block == null) return 0;
        try
        {
            Common.InternalErrors.Inject(Site);
            if (HeapAllocator.TryGetChunk((nuint)block, out var chunk)) return chunk.State == ChunkState.Allocated ? (nuint)chunk.UserSize : 0;
            return AddressSanitizer.IsForeign(block) ? MemorySanitizer.UsableSize(block) : 0;
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
            return 0;
        }
    }

    /// <summary>Before ASan frees (or quarantines) a block: its bytes are defined again.</summary>
    public static void Freeing(void* block) => MemoryBookkeeping.Defined(block, BlockSize(block));

    /// <summary>
    /// After ASan's realloc (always a new chunk) moved <paramref name="oldSize"/> bytes of <paramref name="old"/> to
    /// <paramref name="fresh"/>: the kept part carries its shadow, the grown part is undefined, the old block is defined.
    /// </summary>
    public static void Reallocated(void* old, nuint oldSize, void* fresh, nuint size, int apiFrame)
    {
        if (fresh == null) return;
        try
        {
            Common.InternalErrors.Inject(Site);
            if (old == null)
            {
                MemorySanitizer.PoisonAllocation(fresh, size, apiFrame);
                return;
            }
            nuint kept = Math.Min(oldSize, size);
            if (fresh != old) DefinednessShadow.Copy((nuint)fresh, (nuint)old, kept);
            if (size > kept) MemorySanitizer.PoisonAllocation((byte*)fresh + kept, size - kept, apiFrame);
            if (fresh != old) MemoryBookkeeping.Defined(old, oldSize);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
            MemoryBookkeeping.Defined(fresh, size);
        }
    }
}
