using System.Runtime.InteropServices;
using System.Text;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>Replacements for the allocating members of <see cref="Marshal"/> (HGlobal, CoTaskMem and the StringTo* family).</summary>
public static unsafe class MarshalAllocationInterceptors
{
    const string Target = "System.Runtime.InteropServices.Marshal";
    static int Frame(string signature) => SyntheticFrames.Register("System.Runtime.InteropServices.Marshal." + signature);

    static readonly int s_allocHGlobal = Frame("AllocHGlobal(nint)");
    static readonly int s_reAllocHGlobal = Frame("ReAllocHGlobal(nint, nint)");
    static readonly int s_freeHGlobal = Frame("FreeHGlobal(nint)");
    static readonly int s_allocCoTaskMem = Frame("AllocCoTaskMem(int)");
    static readonly int s_reAllocCoTaskMem = Frame("ReAllocCoTaskMem(nint, int)");
    static readonly int s_freeCoTaskMem = Frame("FreeCoTaskMem(nint)");
    static readonly int s_stringToHGlobalAnsi = Frame("StringToHGlobalAnsi(string)");
    static readonly int s_stringToHGlobalUni = Frame("StringToHGlobalUni(string)");
    static readonly int s_stringToHGlobalAuto = Frame("StringToHGlobalAuto(string)");
    static readonly int s_stringToCoTaskMemAnsi = Frame("StringToCoTaskMemAnsi(string)");
    static readonly int s_stringToCoTaskMemUni = Frame("StringToCoTaskMemUni(string)");
    static readonly int s_stringToCoTaskMemAuto = Frame("StringToCoTaskMemAuto(string)");
    static readonly int s_stringToCoTaskMemUTF8 = Frame("StringToCoTaskMemUTF8(string)");

    [Intercepts(Target, "AllocHGlobal")]
    public static nint AllocHGlobal(int cb) => AllocHGlobal((nint)cb);

    [Intercepts(Target, "AllocHGlobal")]
    public static nint AllocHGlobal(nint cb)
    {
        if (cb < 0) throw new OutOfMemoryException();
        return (nint)AddressSanitizer.Allocate((ulong)cb, 16, AllocationFamily.HGlobal, false, s_allocHGlobal);
    }

    [Intercepts(Target, "ReAllocHGlobal")]
    public static nint ReAllocHGlobal(nint pv, nint cb) => (nint)Reallocation.Move((void*)pv, (ulong)cb, 16, AllocationFamily.HGlobal, s_reAllocHGlobal);

    [Intercepts(Target, "FreeHGlobal")]
    public static void FreeHGlobal(nint hglobal) => AddressSanitizer.Free((void*)hglobal, AllocationFamily.HGlobal, s_freeHGlobal);

    [Intercepts(Target, "AllocCoTaskMem")]
    public static nint AllocCoTaskMem(int cb)
    {
        if (cb < 0) throw new OutOfMemoryException();
        return (nint)AddressSanitizer.Allocate((ulong)cb, 16, AllocationFamily.CoTaskMem, false, s_allocCoTaskMem);
    }

    [Intercepts(Target, "ReAllocCoTaskMem")]
    public static nint ReAllocCoTaskMem(nint pv, int cb) => (nint)Reallocation.Move((void*)pv, (ulong)cb, 16, AllocationFamily.CoTaskMem, s_reAllocCoTaskMem);

    [Intercepts(Target, "FreeCoTaskMem")]
    public static void FreeCoTaskMem(nint ptr) => AddressSanitizer.Free((void*)ptr, AllocationFamily.CoTaskMem, s_freeCoTaskMem);

    // On Unix, .NET's "Ansi" and "Auto" string marshalling is UTF-8.
    [Intercepts(Target, "StringToHGlobalAnsi")]
    public static nint StringToHGlobalAnsi(string? s) => Utf8(s, AllocationFamily.HGlobal, s_stringToHGlobalAnsi);

    [Intercepts(Target, "StringToHGlobalUni")]
    public static nint StringToHGlobalUni(string? s) => Utf16(s, AllocationFamily.HGlobal, s_stringToHGlobalUni);

    [Intercepts(Target, "StringToHGlobalAuto")]
    public static nint StringToHGlobalAuto(string? s) => Utf8(s, AllocationFamily.HGlobal, s_stringToHGlobalAuto);

    [Intercepts(Target, "StringToCoTaskMemAnsi")]
    public static nint StringToCoTaskMemAnsi(string? s) => Utf8(s, AllocationFamily.CoTaskMem, s_stringToCoTaskMemAnsi);

    [Intercepts(Target, "StringToCoTaskMemUni")]
    public static nint StringToCoTaskMemUni(string? s) => Utf16(s, AllocationFamily.CoTaskMem, s_stringToCoTaskMemUni);

    [Intercepts(Target, "StringToCoTaskMemAuto")]
    public static nint StringToCoTaskMemAuto(string? s) => Utf8(s, AllocationFamily.CoTaskMem, s_stringToCoTaskMemAuto);

    [Intercepts(Target, "StringToCoTaskMemUTF8")]
    public static nint StringToCoTaskMemUTF8(string? s) => Utf8(s, AllocationFamily.CoTaskMem, s_stringToCoTaskMemUTF8);

    static nint Utf8(string? s, AllocationFamily family, int frame)
    {
        if (s is null) return 0;
        int bytes = Encoding.UTF8.GetByteCount(s);
        byte* p = (byte*)AddressSanitizer.Allocate((ulong)bytes + 1, 16, family, false, frame);
        Encoding.UTF8.GetBytes(s, new Span<byte>(p, bytes));
        p[bytes] = 0;
        return (nint)p;
    }

    static nint Utf16(string? s, AllocationFamily family, int frame)
    {
        if (s is null) return 0;
        char* p = (char*)AddressSanitizer.Allocate(((ulong)s.Length + 1) * 2, 16, family, false, frame);
        s.AsSpan().CopyTo(new Span<char>(p, s.Length));
        p[s.Length] = '\0';
        return (nint)p;
    }
}
