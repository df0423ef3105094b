using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Guard;

/// <summary>The managed stack of a thread blocked at a faulting access (it cannot capture its own).</summary>
internal static class FaultingStacks
{
    public static SymbolizedFrame[] Take(int osThreadId, out string? note)
    {
        note = "<the faulting access's stack is not available in this version: the thread is blocked at the access>";
        return [];
    }
}
