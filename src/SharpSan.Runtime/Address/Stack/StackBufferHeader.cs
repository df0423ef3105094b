using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Address.Stack;

/// <summary>
/// The start of a stackalloc buffer's left redzone: which frame made it (frame key and the IL offset of its
/// <c>localloc</c>), its size and thread, so a report can say "in stack of thread T0 … in frame …".
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 24)]
internal struct StackBufferHeader
{
    public const uint Magic = 0x4B415453;   // "STAK"

    public uint MagicValue;
    public int FrameKey;
    public int IlOffset;
    public int Thread;
    public ulong Size;

    public readonly bool IsValid => MagicValue == Magic;
}
