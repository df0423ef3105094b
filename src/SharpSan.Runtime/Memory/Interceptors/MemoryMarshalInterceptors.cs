using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Memory.Interceptors;

/// <summary>MemorySanitizer's view of <see cref="Marshal"/>'s allocators: fresh, grown and freed bytes are undefined; strings copied out are defined.</summary>
public static unsafe class MemoryMarshalInterceptors
{
    const string Target = "System.Runtime.InteropServices.Marshal";
    static readonly int s_allocHGlobal = SyntheticFrames.Register("System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)");
    static readonly int s_allocCoTaskMem = SyntheticFrames.Register("System.Runtime.InteropServices.Marshal.AllocCoTaskMem(int)");
    static readonly int s_reAllocHGlobal = SyntheticFrames.Register("System.Runtime.InteropServices.Marshal.ReAllocHGlobal(nint, nint)");
    static readonly int s_reAllocCoTaskMem = SyntheticFrames.Register("System.Runtime.InteropServices.Marshal.ReAllocCoTaskMem(nint, int)");
    static readonly int s_freeHGlobal = SyntheticFrames.Register("System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)");
    static readonly int s_freeCoTaskMem = SyntheticFrames.Register("System.Runtime.InteropServices.Marshal.FreeCoTaskMem(nint)");

    [Intercepts(Target, "AllocHGlobal", Sanitizer = "memory")]
    public static nint AllocHGlobal(int cb) => AllocHGlobal((nint)cb);

    [Intercepts(Target, "AllocHGlobal", Sanitizer = "memory")]
    public static nint AllocHGlobal(nint cb)
    {
        nint p = Marshal.AllocHGlobal(cb);
        MemoryBookkeeping.Allocated((void*)p, (nuint)cb, s_allocHGlobal);
        return p;
    }

    [Intercepts(Target, "AllocCoTaskMem", Sanitizer = "memory")]
    public static nint AllocCoTaskMem(int cb)
    {
        nint p = Marshal.AllocCoTaskMem(cb);
        MemoryBookkeeping.Allocated((void*)p, (nuint)cb, s_allocCoTaskMem);
        return p;
    }

    [Intercepts(Target, "ReAllocHGlobal", Sanitizer = "memory")]
    public static nint ReAllocHGlobal(nint pv, nint cb) =>
        (nint)MemoryBookkeeping.Reallocate((void*)pv, (nuint)cb, (p, n) => Marshal.ReAllocHGlobal(p, (nint)n), s_reAllocHGlobal);

    [Intercepts(Target, "ReAllocCoTaskMem", Sanitizer = "memory")]
    public static nint ReAllocCoTaskMem(nint pv, int cb) =>
        (nint)MemoryBookkeeping.Reallocate((void*)pv, (nuint)cb, (p, n) => Marshal.ReAllocCoTaskMem(p, (int)n), s_reAllocCoTaskMem);

    [Intercepts(Target, "FreeHGlobal", Sanitizer = "memory")]
    public static void FreeHGlobal(nint hglobal)
    {
        MemoryBookkeeping.Freeing((void*)hglobal, s_freeHGlobal);
        Marshal.FreeHGlobal(hglobal);
    }

    [Intercepts(Target, "FreeCoTaskMem", Sanitizer = "memory")]
    public static void FreeCoTaskMem(nint ptr)
    {
        MemoryBookkeeping.Freeing((void*)ptr, s_freeCoTaskMem);
        Marshal.FreeCoTaskMem(ptr);
    }

    // Blocks the BCL allocates and fills itself may reuse a freed (poisoned) range: their bytes are defined.
    [Intercepts(Target, "StringToHGlobalAnsi", Sanitizer = "memory")]
    public static nint StringToHGlobalAnsi(string? s) => Written(Marshal.StringToHGlobalAnsi(s));

    [Intercepts(Target, "StringToHGlobalUni", Sanitizer = "memory")]
    public static nint StringToHGlobalUni(string? s) => Written(Marshal.StringToHGlobalUni(s));

    [Intercepts(Target, "StringToHGlobalAuto", Sanitizer = "memory")]
    public static nint StringToHGlobalAuto(string? s) => Written(Marshal.StringToHGlobalAuto(s));

    [Intercepts(Target, "StringToCoTaskMemAnsi", Sanitizer = "memory")]
    public static nint StringToCoTaskMemAnsi(string? s) => Written(Marshal.StringToCoTaskMemAnsi(s));

    [Intercepts(Target, "StringToCoTaskMemUni", Sanitizer = "memory")]
    public static nint StringToCoTaskMemUni(string? s) => Written(Marshal.StringToCoTaskMemUni(s));

    [Intercepts(Target, "StringToCoTaskMemUTF8", Sanitizer = "memory")]
    public static nint StringToCoTaskMemUTF8(string? s) => Written(Marshal.StringToCoTaskMemUTF8(s));

    [Intercepts(Target, "StringToCoTaskMemAuto", Sanitizer = "memory")]
    public static nint StringToCoTaskMemAuto(string? s) => Written(Marshal.StringToCoTaskMemAuto(s));

    static nint Written(nint block)
    {
        MemoryBookkeeping.Defined((void*)block, MemorySanitizer.UsableSize((void*)block));
        return block;
    }
}
