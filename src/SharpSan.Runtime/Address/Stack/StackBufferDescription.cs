using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Symbolization;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Stack;

/// <summary>
/// ASan's stack description: "Address … is located in stack of thread T0 at offset 48 in frame", the frame, and
/// the frame's object with the access's position relative to it.
/// </summary>
internal static unsafe class StackBufferDescription
{
    const long SearchLimit = 1 << 20;

    public static bool TryPrint(nuint address, ReportBuilder report)
    {
        if (!IsStackCode(ShadowMemory.Read(address)) && !IsStackCode(ShadowMemory.Read(address + ShadowMemory.Granule))
            && !IsStackCode(ShadowMemory.Read(address - ShadowMemory.Granule))) return false;
        if (Find(address) is not { } raw) return false;
        foreach (var line in Lines(raw, address)) report.Line(line);
        return true;
    }

    /// <summary>ASan's frame description of <paramref name="address"/> relative to the stackalloc buffer whose header is at <paramref name="raw"/>.</summary>
    public static List<string> Lines(nuint raw, nuint address)
    {
        var header = (StackBufferHeader*)raw;
        long offset = (long)(address - raw);
        long begin = FakeStack.Redzone, end = begin + (long)header->Size;
        var frame = Symbolizer.Symbolize(new StackFrame(header->FrameKey, header->IlOffset));
        string relation = offset < begin ? "underflows" : offset >= end ? "overflows" : "is inside";
        string line = frame.Line > 0 ? $" (line {frame.Line})" : "";
        return
        [
            $"Address 0x{address:x} is located in stack of thread {ThreadRegistry.Describe(header->Thread)} at offset {offset} in frame",
            $"    #0 0x{frame.IlOffset:x4} in {frame.Method} {frame.Location}",
            "",
            "  This frame has 1 object(s):",
            $"    [{begin}, {end}) 'stackalloc at IL_{frame.IlOffset:x4}'{line} <== Memory access at offset {offset} {relation} this variable",
            "",
        ];
    }

    /// <summary>"64-byte stackalloc buffer [0x…,0x…) of Demo.Program.Fill(int) Program.cs:9", for a header at <paramref name="raw"/>.</summary>
    public static string Name(nuint raw)
    {
        var header = (StackBufferHeader*)raw;
        nuint begin = raw + FakeStack.Redzone;
        var frame = Symbolizer.Symbolize(new StackFrame(header->FrameKey, header->IlOffset));
        return $"{header->Size}-byte stackalloc buffer [0x{begin:x},0x{begin + (nuint)header->Size:x}) of {frame.Method} {frame.Location}";
    }

    static bool IsStackCode(sbyte code) => (ShadowCode)(byte)code is ShadowCode.StackLeftRedzone or ShadowCode.StackRightRedzone
        or ShadowCode.StackAfterReturn or ShadowCode.StackMidRedzone;

    /// <summary>The buffer start (its header) for an address in a buffer or its redzones: walk left to the header.</summary>
    public static nuint? Find(nuint address)
    {
        for (nuint g = address & ~(nuint)15, walked = 0; walked < SearchLimit && g > 4096; g -= 16, walked += 16)
        {
            if ((ShadowCode)(byte)ShadowMemory.Read(g) != ShadowCode.StackLeftRedzone) continue;
            if (((StackBufferHeader*)g)->IsValid && address < g + FakeStack.Redzone * 2 + (nuint)((StackBufferHeader*)g)->Size + 8) return g;
        }
        return null;
    }
}
