namespace SharpSan.Runtime.Memory.Interceptors;

/// <summary>
/// The shadow side of the memory interceptors, each step contained: after an internal error the bytes are left (or
/// made) defined, so a lost record can only hide a report, never invent one.
/// </summary>
internal static unsafe class MemoryBookkeeping
{
    const string AllocSite = "MemorySanitizer.Allocate", FreeSite = "MemorySanitizer.Free", CopySite = "MemorySanitizer.Copy";

    public static void Allocated(void* block, nuint size, int apiFrame)
    {
        try
        {
            Common.InternalErrors.Inject(AllocSite);
            MemorySanitizer.PoisonAllocation(block, size, apiFrame);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(AllocSite, e))
        {
            Defined(block, size);
        }
    }

    public static void Freeing(void* block, int apiFrame)
    {
        try
        {
            Common.InternalErrors.Inject(FreeSite);
            MemorySanitizer.PoisonFreed(block, apiFrame);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(FreeSite, e))
        {
            Defined(block, MemorySanitizer.UsableSize(block));
        }
    }

    /// <summary>Realloc: the kept part carries its shadow (also when the block moves), the grown part is undefined, a moved-from block is freed.</summary>
    public static void* Reallocate(void* old, nuint size, Func<nint, nuint, nint> realloc, int apiFrame) =>
        (void*)ReallocateCore((nint)old, size, realloc, apiFrame);

    static nint ReallocateCore(nint old, nuint size, Func<nint, nuint, nint> realloc, int apiFrame)
    {
        nuint oldSize = MemorySanitizer.UsableSize((void*)old);
        nint p = realloc(old, size);
        try
        {
            Common.InternalErrors.Inject(AllocSite);
            if (p == 0) return p;
            if (old == 0)
            {
                MemorySanitizer.PoisonAllocation((void*)p, size, apiFrame);
                return p;
            }
            // The shadow is SharpSan's own: a moved-from block's shadow is still there to copy after realloc freed it.
            nuint kept = Math.Min(oldSize, size);
            if (p != old) DefinednessShadow.Copy((nuint)p, (nuint)old, kept);
            if (size > kept) MemorySanitizer.PoisonAllocation((byte*)p + kept, size - kept, apiFrame);
            if (p != old) MemorySanitizer.PoisonFreed((void*)old, apiFrame, oldSize);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(AllocSite, e))
        {
            Defined((void*)p, size);
        }
        return p;
    }

    public static void Copied(void* destination, void* source, nuint size)
    {
        try
        {
            Common.InternalErrors.Inject(CopySite);
            DefinednessShadow.Copy((nuint)destination, (nuint)source, size);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CopySite, e))
        {
            Defined(destination, size);
        }
    }

    /// <summary>A fresh zeroed native block: defined, with shadow pages so that undefined bytes copied into it later are followed.</summary>
    public static void AllocatedZeroed(void* block, nuint size)
    {
        try
        {
            Common.InternalErrors.Inject(AllocSite);
            if (block != null) DefinednessShadow.Track((nuint)block, size);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(AllocSite, e))
        {
        }
        Defined(block, size);
    }

    /// <summary>Marks bytes defined; never throws (the last resort of the other steps).</summary>
    public static void Defined(void* block, nuint size)
    {
        try
        {
            if (block != null) DefinednessShadow.Unpoison((nuint)block, size);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CopySite, e))
        {
        }
    }
}
