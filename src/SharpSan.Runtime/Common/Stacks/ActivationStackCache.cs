namespace SharpSan.Runtime.Common.Stacks;

/// <summary>
/// One thread's depot ids of the stacks captured in the innermost frame's current activation. While a frame's
/// activation (<see cref="ShadowStack.Activation"/>) is the same, its callers are suspended at their call sites, so
/// a stack captured at one site of that activation is always the same stack: a loop that allocates, frees or pins
/// (a <c>fixed</c> block per iteration) captures, hashes and looks it up once instead of per event.
/// Use only on the thread that owns the instance (<see cref="Current"/>, or a per-thread state holding one).
/// </summary>
public sealed class ActivationStackCache
{
    const int SlotBits = 6;

    struct Entry
    {
        public long Frame;   // activation << 32 | frame key
        public long Sites;   // innermost site << 32 | API frame
        public int Id;
    }

    readonly Entry[] _entries = new Entry[1 << SlotBits];
    nint _block;   // the thread's shadow-stack block, fixed once it exists: saves a thread-local lookup per capture
    int _uncached;

    [ThreadStatic] static ActivationStackCache? t_current;

    public static ActivationStackCache Current => t_current ??= new ActivationStackCache();

    /// <summary>
    /// The slot holding the id of the stack that a capture now would give, for a synthetic <paramref name="apiFrame"/>
    /// (-1: none) and the innermost frame at <paramref name="innermostSite"/> (-1: its recorded call site). Non-zero:
    /// that id. Zero: capture, and store the id through the reference (a slot that no frame can key is never read back).
    /// </summary>
    public ref int Slot(int apiFrame, int innermostSite)
    {
        nint block = _block != 0 ? _block : _block = ShadowStack.CurrentBlock;
        if (!ShadowStack.FrameAt(block, 0, out int frameKey, out int activation, out int callSite))
        {
            _uncached = 0;
            return ref _uncached;
        }
        int site = innermostSite >= 0 ? innermostSite : callSite;
        long frame = ((long)activation << 32) | (uint)frameKey, sites = ((long)site << 32) | (uint)apiFrame;
        // Fibonacci hashing: the sites of one loop are close IL offsets, and activations count up.
        ref Entry entry = ref _entries[(int)(((uint)site * 0x9E3779B1u + (uint)activation * 0x85EBCA77u) >> (32 - SlotBits))];
        if (entry.Frame != frame || entry.Sites != sites)
        {
            entry.Id = 0;
            entry.Frame = frame;
            entry.Sites = sites;
        }
        return ref entry.Id;
    }
}
