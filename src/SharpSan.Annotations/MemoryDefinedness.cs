using System;
using System.Runtime.CompilerServices;

namespace SharpSan.Annotations;

/// <summary>
/// MemorySanitizer annotations for custom allocators and pools (MSan's __msan_poison / __msan_unpoison /
/// __msan_check_mem_is_initialized). Without SharpSan these do nothing; in code instrumented with
/// <c>--sanitize memory</c> the calls are redirected to the sanitizer.
/// </summary>
public static unsafe partial class Memory
{
    /// <summary>The range's bytes are uninitialised from now on (a block handed out by the program's own allocator).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MarkUndefined(void* address, nuint length) { }

    /// <inheritdoc cref="MarkUndefined(void*, nuint)"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MarkUndefined(IntPtr address, nuint length) { }

    /// <summary>Elements [start, start+count) of the array are uninitialised from now on (an array from the program's own pool).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MarkUndefined<T>(T[] array, int start, int count) { }

    /// <summary>The range's bytes are initialised (written by code SharpSan does not see, such as a native library).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MarkDefined(void* address, nuint length) { }

    /// <inheritdoc cref="MarkDefined(void*, nuint)"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MarkDefined(IntPtr address, nuint length) { }

    /// <summary>Elements [start, start+count) of the array are initialised.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MarkDefined<T>(T[] array, int start, int count) { }

    /// <summary>Reports (as a use of an uninitialised value) if any byte of the range is uninitialised.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AssertDefined(void* address, nuint length) { }

    /// <inheritdoc cref="AssertDefined(void*, nuint)"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AssertDefined(IntPtr address, nuint length) { }

    /// <summary>Reports if any of elements [start, start+count) of the array is uninitialised.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AssertDefined<T>(T[] array, int start, int count) { }
}
