using SharpSan.Runtime.Address.Interceptors;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Memory.Interceptors;

namespace SharpSan.Runtime.Memory.Combined;

/// <summary><see cref="System.Runtime.InteropServices.Marshal"/>'s allocators and copies under address+memory: ASan's interceptor, then the definedness shadow.</summary>
public static unsafe class AddressMemoryMarshalInterceptors
{
    const string Target = "System.Runtime.InteropServices.Marshal", Both = "address+memory";
    static readonly int s_allocHGlobal = SyntheticFrames.Register("System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)");
    static readonly int s_allocCoTaskMem = SyntheticFrames.Register("System.Runtime.InteropServices.Marshal.AllocCoTaskMem(int)");
    static readonly int s_reAllocHGlobal = SyntheticFrames.Register("System.Runtime.InteropServices.Marshal.ReAllocHGlobal(nint, nint)");
    static readonly int s_reAllocCoTaskMem = SyntheticFrames.Register("System.Runtime.InteropServices.Marshal.ReAllocCoTaskMem(nint, int)");

    [Intercepts(Target, "AllocHGlobal", Sanitizer = Both)]
    public static nint AllocHGlobal(int cb) => AllocHGlobal((nint)cb);

    [Intercepts(Target, "AllocHGlobal", Sanitizer = Both)]
    public static nint AllocHGlobal(nint cb)
    {
        nint p = MarshalAllocationInterceptors.AllocHGlobal(cb);
        MemoryBookkeeping.Allocated((void*)p, (nuint)cb, s_allocHGlobal);
        return p;
    }

    [Intercepts(Target, "AllocCoTaskMem", Sanitizer = Both)]
    public static nint AllocCoTaskMem(int cb)
    {
        nint p = MarshalAllocationInterceptors.AllocCoTaskMem(cb);
        MemoryBookkeeping.Allocated((void*)p, (nuint)Math.Max(cb, 0), s_allocCoTaskMem);
        return p;
    }

    [Intercepts(Target, "ReAllocHGlobal", Sanitizer = Both)]
    public static nint ReAllocHGlobal(nint pv, nint cb)
    {
        nuint oldSize = CombinedBookkeeping.BlockSize((void*)pv);
        nint p = MarshalAllocationInterceptors.ReAllocHGlobal(pv, cb);
        CombinedBookkeeping.Reallocated((void*)pv, oldSize, (void*)p, (nuint)cb, s_reAllocHGlobal);
        return p;
    }

    [Intercepts(Target, "ReAllocCoTaskMem", Sanitizer = Both)]
    public static nint ReAllocCoTaskMem(nint pv, int cb)
    {
        nuint oldSize = CombinedBookkeeping.BlockSize((void*)pv);
        nint p = MarshalAllocationInterceptors.ReAllocCoTaskMem(pv, cb);
        CombinedBookkeeping.Reallocated((void*)pv, oldSize, (void*)p, (nuint)Math.Max(cb, 0), s_reAllocCoTaskMem);
        return p;
    }

    [Intercepts(Target, "FreeHGlobal", Sanitizer = Both)]
    public static void FreeHGlobal(nint hglobal)
    {
        CombinedBookkeeping.Freeing((void*)hglobal);
        MarshalAllocationInterceptors.FreeHGlobal(hglobal);
    }

    [Intercepts(Target, "FreeCoTaskMem", Sanitizer = Both)]
    public static void FreeCoTaskMem(nint ptr)
    {
        CombinedBookkeeping.Freeing((void*)ptr);
        MarshalAllocationInterceptors.FreeCoTaskMem(ptr);
    }

    // Strings copied out by the allocator are written in full: their block is defined.
    [Intercepts(Target, "StringToHGlobalAnsi", Sanitizer = Both)]
    public static nint StringToHGlobalAnsi(string? s) => Written(MarshalAllocationInterceptors.StringToHGlobalAnsi(s));

    [Intercepts(Target, "StringToHGlobalUni", Sanitizer = Both)]
    public static nint StringToHGlobalUni(string? s) => Written(MarshalAllocationInterceptors.StringToHGlobalUni(s));

    [Intercepts(Target, "StringToHGlobalAuto", Sanitizer = Both)]
    public static nint StringToHGlobalAuto(string? s) => Written(MarshalAllocationInterceptors.StringToHGlobalAuto(s));

    [Intercepts(Target, "StringToCoTaskMemAnsi", Sanitizer = Both)]
    public static nint StringToCoTaskMemAnsi(string? s) => Written(MarshalAllocationInterceptors.StringToCoTaskMemAnsi(s));

    [Intercepts(Target, "StringToCoTaskMemUni", Sanitizer = Both)]
    public static nint StringToCoTaskMemUni(string? s) => Written(MarshalAllocationInterceptors.StringToCoTaskMemUni(s));

    [Intercepts(Target, "StringToCoTaskMemUTF8", Sanitizer = Both)]
    public static nint StringToCoTaskMemUTF8(string? s) => Written(MarshalAllocationInterceptors.StringToCoTaskMemUTF8(s));

    [Intercepts(Target, "StringToCoTaskMemAuto", Sanitizer = Both)]
    public static nint StringToCoTaskMemAuto(string? s) => Written(MarshalAllocationInterceptors.StringToCoTaskMemAuto(s));

    static nint Written(nint block)
    {
        MemoryBookkeeping.Defined((void*)block, CombinedBookkeeping.BlockSize((void*)block));
        return block;
    }

    [Intercepts(Target, "Copy", Sanitizer = Both)]
    public static void Copy(byte[] source, int startIndex, nint destination, int length)
    {
        MarshalAccessInterceptors.Copy(source, startIndex, destination, length);
        MemoryBookkeeping.Defined((void*)destination, (nuint)Math.Max(length, 0));
    }

    [Intercepts(Target, "Copy", Sanitizer = Both)]
    public static void Copy(int[] source, int startIndex, nint destination, int length)
    {
        MarshalAccessInterceptors.Copy(source, startIndex, destination, length);
        MemoryBookkeeping.Defined((void*)destination, (nuint)Math.Max(length, 0) * sizeof(int));
    }
}
