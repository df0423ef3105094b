using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Pins;

/// <summary>
/// What a thread's pins need at hand, behind one thread-local lookup per pin or unpin: its id, its cache of stack ids
/// (a hot <c>fixed</c> block pins and unpins in the same activation at the same two sites) and the record it pinned
/// last (a hot block pins the same few objects again and again).
/// </summary>
internal sealed class PinThread
{
    [ThreadStatic] static PinThread? t_current;

    public static PinThread Current => t_current ??= new PinThread();

    public readonly int Id = ThreadRegistry.CurrentId;
    public readonly ActivationStackCache Stacks = new();

    /// <summary>The record of this thread's last pin or unpin; only a hint, checked under the records' lock before use.</summary>
    public PinRecords.Record? Last;

    /// <summary>The depot id of the stack at <paramref name="site"/> of the innermost checked frame.</summary>
    public int StackAt(int site) => AddressSanitizer.CaptureStackIdAt(site, Stacks);
}
