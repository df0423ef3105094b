using System.Text;
using SharpSan.Runtime.Address.Allocator;

namespace SharpSan.Runtime.Guard.Interceptors;

/// <summary>Guard mode's replacements for the allocating members of <see cref="System.Runtime.InteropServices.Marshal"/>.</summary>
public static unsafe class GuardMarshalInterceptors
{
    const string Target = "System.Runtime.InteropServices.Marshal";
    const string Prefix = "System.Runtime.InteropServices.Marshal.";

    [Intercepts(Target, "AllocHGlobal", Sanitizer = "guard")]
    public static nint AllocHGlobal(int cb) => AllocHGlobal((nint)cb);

    [Intercepts(Target, "AllocHGlobal", Sanitizer = "guard")]
    public static nint AllocHGlobal(nint cb)
    {
        if (cb < 0) throw new OutOfMemoryException();
        return (nint)GuardSanitizer.Allocate((ulong)cb, 16, AllocationFamily.HGlobal, false, Prefix + "AllocHGlobal(nint)");
    }

    [Intercepts(Target, "ReAllocHGlobal", Sanitizer = "guard")]
    public static nint ReAllocHGlobal(nint pv, nint cb) => (nint)GuardSanitizer.Realloc((void*)pv, (ulong)cb, 16, AllocationFamily.HGlobal, Prefix + "ReAllocHGlobal(nint, nint)");

    [Intercepts(Target, "FreeHGlobal", Sanitizer = "guard")]
    public static void FreeHGlobal(nint hglobal) => GuardSanitizer.Free((void*)hglobal, AllocationFamily.HGlobal, Prefix + "FreeHGlobal(nint)");

    [Intercepts(Target, "AllocCoTaskMem", Sanitizer = "guard")]
    public static nint AllocCoTaskMem(int cb)
    {
        if (cb < 0) throw new OutOfMemoryException();
        return (nint)GuardSanitizer.Allocate((ulong)cb, 16, AllocationFamily.CoTaskMem, false, Prefix + "AllocCoTaskMem(int)");
    }

    [Intercepts(Target, "ReAllocCoTaskMem", Sanitizer = "guard")]
    public static nint ReAllocCoTaskMem(nint pv, int cb) => (nint)GuardSanitizer.Realloc((void*)pv, (ulong)cb, 16, AllocationFamily.CoTaskMem, Prefix + "ReAllocCoTaskMem(nint, int)");

    [Intercepts(Target, "FreeCoTaskMem", Sanitizer = "guard")]
    public static void FreeCoTaskMem(nint ptr) => GuardSanitizer.Free((void*)ptr, AllocationFamily.CoTaskMem, Prefix + "FreeCoTaskMem(nint)");

    // On Unix, .NET's "Ansi" and "Auto" string marshalling is UTF-8.
    [Intercepts(Target, "StringToHGlobalAnsi", Sanitizer = "guard")]
    public static nint StringToHGlobalAnsi(string? s) => Utf8(s, AllocationFamily.HGlobal, "StringToHGlobalAnsi(string)");

    [Intercepts(Target, "StringToHGlobalUni", Sanitizer = "guard")]
    public static nint StringToHGlobalUni(string? s) => Utf16(s, AllocationFamily.HGlobal, "StringToHGlobalUni(string)");

    [Intercepts(Target, "StringToHGlobalAuto", Sanitizer = "guard")]
    public static nint StringToHGlobalAuto(string? s) => Utf8(s, AllocationFamily.HGlobal, "StringToHGlobalAuto(string)");

    [Intercepts(Target, "StringToCoTaskMemAnsi", Sanitizer = "guard")]
    public static nint StringToCoTaskMemAnsi(string? s) => Utf8(s, AllocationFamily.CoTaskMem, "StringToCoTaskMemAnsi(string)");

    [Intercepts(Target, "StringToCoTaskMemUni", Sanitizer = "guard")]
    public static nint StringToCoTaskMemUni(string? s) => Utf16(s, AllocationFamily.CoTaskMem, "StringToCoTaskMemUni(string)");

    [Intercepts(Target, "StringToCoTaskMemAuto", Sanitizer = "guard")]
    public static nint StringToCoTaskMemAuto(string? s) => Utf8(s, AllocationFamily.CoTaskMem, "StringToCoTaskMemAuto(string)");

    [Intercepts(Target, "StringToCoTaskMemUTF8", Sanitizer = "guard")]
    public static nint StringToCoTaskMemUTF8(string? s) => Utf8(s, AllocationFamily.CoTaskMem, "StringToCoTaskMemUTF8(string)");

    static nint Utf8(string? s, AllocationFamily family, string api)
    {
        if (s is null) return 0;
        int bytes = Encoding.UTF8.GetByteCount(s);
        byte* p = (byte*)GuardSanitizer.Allocate((ulong)bytes + 1, 16, family, false, Prefix + api);
        if (p == null) throw new OutOfMemoryException();
        Encoding.UTF8.GetBytes(s, new Span<byte>(p, bytes));
        p[bytes] = 0;
        return (nint)p;
    }

    static nint Utf16(string? s, AllocationFamily family, string api)
    {
        if (s is null) return 0;
        char* p = (char*)GuardSanitizer.Allocate(((ulong)s.Length + 1) * 2, 16, family, false, Prefix + api);
        if (p == null) throw new OutOfMemoryException();
        s.AsSpan().CopyTo(new Span<char>(p, s.Length));
        p[s.Length] = '\0';
        return (nint)p;
    }
}
