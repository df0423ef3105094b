using System.Runtime.CompilerServices;

namespace SharpSan.Annotations;

/// <summary>
/// ThreadSanitizer annotations (TSan's AnnotateHappensBefore/After, AnnotateIgnoreReadsBegin/End). Without SharpSan
/// these do nothing; in code instrumented with <c>--sanitize thread</c> the calls are redirected to the sanitizer.
/// </summary>
public static class Race
{
    /// <summary>Custom synchronisation: everything before this call happens before code after a matching <see cref="HappensAfter"/> on the same object.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void HappensBefore(object synchronization) { }

    /// <summary>Custom synchronisation: code after this call happens after every earlier <see cref="HappensBefore"/> on the same object.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void HappensAfter(object synchronization) { }

    /// <summary>Reads on this thread are neither checked nor recorded until the matching <see cref="IgnoreReadsEnd"/> (calls nest).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void IgnoreReadsBegin() { }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void IgnoreReadsEnd() { }
}

/// <summary>A field whose races are intended (a statistics counter, a best-effort cache): its accesses are not checked.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class BenignRaceAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>
/// No sanitizer checks in this method or type. SharpSan matches the attribute by name, so a project can also declare
/// its own <c>NoSanitizeAttribute</c> in any namespace instead of referencing this assembly.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct)]
public sealed class NoSanitizeAttribute : Attribute;
