using System.Runtime.CompilerServices;
using SharpSan.Runtime.Address.Errors;
using SharpSan.Runtime.Address.Globals;

namespace SharpSan.Runtime.Address;

/// <summary>What holds a buffer (must match the rewriter's EnclosingKind).</summary>
public enum EnclosingKind { Object = 0, Static = 1, Local = 2 }

/// <summary>
/// Checks that an access through a C# <c>fixed</c> buffer or an [InlineArray] stays inside the buffer
/// (intra-object-overflow): the rewriter passes the buffer's start and size, known from its metadata, next to the
/// address. When the buffer's enclosing struct has a known layout, the rewriter passes that too: leaving a static
/// field's struct is a global-buffer-overflow, leaving a local's a stack-buffer-overflow — static struct storage
/// lives in the managed heap, whose shadow is clean, so only the metadata can tell.
/// </summary>
public static unsafe class IntraObject
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(void* address, int size, void* buffer, int bufferBytes, int site, bool isWrite, string description)
    {
        if ((ulong)((nuint)address - (nuint)buffer) + (ulong)size > (ulong)bufferBytes)
            Report(address, size, buffer, bufferBytes, site, isWrite, description, null);
    }

    /// <param name="bufferOffset">Where the buffer starts inside its enclosing struct.</param>
    /// <param name="enclosingBytes">The enclosing struct's size.</param>
    /// <param name="kind">An <see cref="EnclosingKind"/>.</param>
    /// <param name="enclosingName">The static field, local or struct type that encloses the buffer.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckEnclosed(void* address, int size, void* buffer, int bufferBytes, int site, bool isWrite, string description,
        int bufferOffset, int enclosingBytes, int kind, string enclosingName)
    {
        if ((ulong)((nuint)address - (nuint)buffer) + (ulong)size > (ulong)bufferBytes)
            Report(address, size, buffer, bufferBytes, site, isWrite, description,
                new Enclosing((EnclosingKind)kind, (nuint)buffer - (nuint)bufferOffset, (nuint)enclosingBytes, enclosingName));
    }

    /// <summary>An enclosing struct in memory: what it is, where it starts, how big it is, its name.</summary>
    internal readonly record struct Enclosing(EnclosingKind Kind, nuint Begin, nuint Bytes, string Name)
    {
        public bool Contains(nuint address, int size) => address >= Begin && address - Begin + (nuint)size <= Bytes;

        public string Description => Kind switch
        {
            EnclosingKind.Static => $"global variable '{Name}' of size {Bytes}",
            EnclosingKind.Local => $"local variable '{Name}' of size {Bytes}",
            _ => $"{Bytes}-byte struct '{Name}'",
        };
    }

    // An access that also leaves the whole allocation is the shadow's to report (heap-/stack-/global-buffer-overflow).
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Report(void* address, int size, void* buffer, int bufferBytes, int site, bool isWrite, string description, Enclosing? enclosing)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            ReportChecked(address, size, buffer, bufferBytes, site, isWrite, description, enclosing);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
        }
    }

    const string Site = "IntraObject.Report";

    static void ReportChecked(void* address, int size, void* buffer, int bufferBytes, int site, bool isWrite, string description, Enclosing? enclosing)
    {
        nuint at = (nuint)address, begin = (nuint)buffer, end = begin + (nuint)bufferBytes;
        if (ShadowMemory.FirstBadAddress(at, (nuint)size) != 0) return;
        // An access that starts inside the buffer and runs off its end is described by its first byte outside (as ASan does).
        nuint described = at >= begin && at < end ? end : at;
        string derived = $"{Located.Relation(described, begin, (nuint)bufferBytes)} {description} [0x{begin:x},0x{end:x})";
        var stack = AddressSanitizer.CaptureForReport(-1, site);
        if (enclosing is { } e && !e.Contains(at, size) && e.Kind != EnclosingKind.Object)
        {
            // Beyond the variable that holds the buffer: ASan's kinds for globals and stack variables.
            string kind = e.Kind == EnclosingKind.Static ? "global-buffer-overflow" : "stack-buffer-overflow";
            nuint outside = at >= e.Begin && at - e.Begin < e.Bytes ? e.Begin + e.Bytes : at;
            string where = e.Kind == EnclosingKind.Static
                ? GlobalRegistry.Line(outside, e.Begin, e.Bytes, e.Name, "static field")
                : $"0x{outside:x} is located {Located.Relation(outside, e.Begin, e.Bytes)} local variable '{e.Name}' (0x{e.Begin:x}) of size {e.Bytes} in frame #0";
            SanitizerRuntime.Report(new DescribedAccessError(kind, at, size, isWrite,
                [where, $"the address was derived from {description} [0x{begin:x},0x{end:x}) of that variable"], stack));
            return;
        }
        string inside = enclosing switch
        {
            { } known when !known.Contains(at, size) => $"beyond its {known.Description} as well, in memory the shadow says is addressable",
            { } known => $"inside {known.Description} (the neighbouring fields are overwritten; the shadow cannot see this)",
            null => "inside the same object (the neighbouring fields are overwritten; the shadow cannot see this)",
        };
        SanitizerRuntime.Report(new DescribedAccessError("intra-object-overflow", at, size, isWrite, [$"0x{described:x} is located {derived},", inside], stack));
    }
}
