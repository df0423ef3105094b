using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Native;

namespace SharpSan.Runtime.Common.Stacks;

/// <summary>
/// A per-thread shadow call stack kept by instrumentation (TSan's func_entry/func_exit), so capturing an
/// allocation's stack costs a copy of a few words instead of a <see cref="System.Diagnostics.StackTrace"/>.
/// <para>
/// Each thread owns a 1 MiB aligned block: a header word holding the current top, then frames of four
/// ints, <c>[frameKey][callSite][activation][spare]</c>. <see cref="Enter"/> returns a pointer to the new frame's call-site
/// slot; instrumented code keeps it in a local and stores the IL offset of each call into it (one store).
/// <see cref="Exit"/> and <see cref="Restore"/> find the header by masking that pointer, so they need no
/// thread-static lookup. Frames deeper than the block are folded onto its last slot. The block's last four ints
/// are not frames: they hold one pointer of per-thread data that hot paths find from a frame the same way
/// (<see cref="DataSlot"/>, the fake stack's).
/// </para>
/// Frame key = (module id &lt;&lt; <see cref="ModuleShift"/>) | MethodDef row id.
/// </summary>
public static unsafe class ShadowStack
{
    public const int ModuleShift = 22;
    const int BlockSize = 1 << 20;
    const int HeaderInts = 4;              // [top pointer: 2 ints][activations so far][spare]
    const int FrameInts = 4;
    const int DataInts = 4;                // at the block's end: [data pointer: 2 ints][unused]

    [ThreadStatic] static int* t_block;
    [ThreadStatic] static BlockOwner? t_owner;

    static readonly Stack<nint> s_freeBlocks = new();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int* Enter(int frameKey)
    {
        int* block = t_block;
        if (block == null) block = Attach();
        int* frame = *(int**)block + FrameInts;
        if (frame >= block + BlockSize / sizeof(int) - DataInts) frame -= FrameInts;
        frame[0] = frameKey;
        frame[1] = 0;
        frame[2] = ++block[2];
        *(int**)block = frame;
        return frame + 1;
    }

    /// <summary>
    /// Enter for a method that is always called from uninstrumented code (a test method, called by its framework):
    /// whatever is on this thread's stack is left over from an exception that escaped into that code.
    /// </summary>
    public static int* EnterRoot(int frameKey)
    {
        int* block = t_block;
        if (block == null) block = Attach();
        *(int**)block = block + HeaderInts - FrameInts;
        return Enter(frameKey);
    }

    /// <summary>
    /// Enter for a test method (and its async state machine): a fresh stack (<see cref="EnterRoot"/>) unless the frame
    /// on top is live, and the class the test runs for — the runtime type of <paramref name="testInstance"/>, the derived
    /// class when the test is inherited — in the frame's spare slot, so a finding names the test as its runner does.
    /// <paramref name="starting"/> is false for the resumption of an async test's state machine. Test methods are
    /// entered once per test (and per resumption), so the checks here may take a stack walk.
    /// </summary>
    public static int* EnterTest(int frameKey, object? testInstance, bool starting)
    {
        int* block = t_block;
        if (block == null) block = Attach();
        int* top = *(int**)block;
        // Called from the (uninstrumented) framework, nothing below is live: frames an exception left there go. Called
        // from checked code (a test calling a test, an async test resumed inline), the caller's frames stay.
        bool keep = top >= block + HeaderInts && Testing.TestAttribution.IsLive(top[0], frameKey);
        int* site = keep ? Enter(frameKey) : EnterRoot(frameKey);
        site[SpareOffset] = Testing.TestAttribution.Entering(frameKey, testInstance, starting);
        return site;
    }

    /// <summary>Where the spare slot is, from the call-site slot that Enter returns.</summary>
    const int SpareOffset = 2;

    /// <summary>Where the frame's activation number is, from the call-site slot that Enter returns.</summary>
    public const int ActivationOffset = 1;

    /// <summary>
    /// True for the block's last frame slot, where frames deeper than the block fold (each one entered there overwrites
    /// it; their exits leave the frame below on top).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFoldSlot(int* site) =>
        site - 1 == (int*)((nuint)site & ~(nuint)(BlockSize - 1)) + BlockSize / sizeof(int) - DataInts - FrameInts;

    /// <summary>Pops the frame: before every return, and in the fault handler that runs when an exception leaves the method.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(int* site)
    {
        int* block = (int*)((nuint)site & ~(nuint)(BlockSize - 1));
        *(int**)block = site - 1 - FrameInts;
    }

    /// <summary>
    /// The per-thread data pointer of the block holding the frame whose call-site slot is <paramref name="site"/>: null
    /// until the thread's own code sets it (see <see cref="IsOwnBlock"/>); cleared when a dead thread's block is reused.
    /// Lets a hot path that has the frame (the fake stack's Alloc and Release) skip a thread-static lookup.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint* DataSlot(int* site) => (nint*)((int*)((nuint)site & ~(nuint)(BlockSize - 1)) + BlockSize / sizeof(int) - DataInts);

    /// <summary>
    /// True when <paramref name="site"/>'s frame is in this thread's own block, not the fallback block threads share
    /// after an internal error, whose <see cref="DataSlot"/> must stay unused.
    /// </summary>
    public static bool IsOwnBlock(int* site)
    {
        int* block = t_block;
        return block != null && (nint)block != s_sharedFallback && block == (int*)((nuint)site & ~(nuint)(BlockSize - 1));
    }

    /// <summary>At the start of a catch/finally/fault handler: frames above this one were unwound by an exception.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Restore(int* site)
    {
        int* block = (int*)((nuint)site & ~(nuint)(BlockSize - 1));
        *(int**)block = site - 1;
    }

    /// <summary>
    /// A number for the activation of the innermost frame, unique on this thread (callees entered and left since do not
    /// change it): while it stays the same, a stack captured at the same site is the same stack, since the callers are
    /// suspended at their call sites (ThreadSanitizer's history reuses it instead of capturing).
    /// </summary>
    public static int Activation => ActivationIn(CurrentBlock);

    /// <summary>This thread's block (0 before its first frame): a per-thread cache of it skips the thread-local lookup.</summary>
    public static nint CurrentBlock => (nint)t_block;

    /// <summary><see cref="Activation"/> of the thread that owns <paramref name="block"/> (its own thread only).</summary>
    public static int ActivationIn(nint block) => block == 0 ? 0 : (*(int**)block)[2];

    /// <summary>
    /// The frame <paramref name="depth"/> levels below the innermost one (0: the innermost) of the thread that owns
    /// <paramref name="block"/> (its own thread only): its method, activation and current call site; false below the
    /// bottom frame. While a frame's activation is the same, the frames under it are suspended where they were.
    /// </summary>
    public static bool FrameAt(nint block, int depth, out int frameKey, out int activation, out int callSite)
    {
        int* frame = block == 0 ? null : *(int**)block - depth * FrameInts;
        if (frame == null || frame < (int*)block + HeaderInts)
        {
            frameKey = activation = callSite = 0;
            return false;
        }
        frameKey = frame[0];
        callSite = frame[1];
        activation = frame[2];
        return true;
    }

    /// <summary><see cref="CurrentCallSite"/> of the thread that owns <paramref name="block"/> (its own thread only).</summary>
    public static int CallSiteIn(nint block) => block == 0 ? 0 : (*(int**)block)[1];

    /// <summary>The IL offset of the call the innermost frame is making (what a capture records for it).</summary>
    public static int CurrentCallSite => CallSiteIn(CurrentBlock);

    /// <summary>
    /// True while the frame whose call-site slot is <paramref name="site"/> (what <see cref="Enter"/> returned) is on
    /// this thread's shadow stack and still belongs to the method with <paramref name="frameKey"/>.
    /// </summary>
    public static bool IsLive(int* site, int frameKey)
    {
        int* block = t_block;
        if (block == null || site == null) return false;
        int* frame = site - 1;
        return frame >= block + HeaderInts && frame <= *(int**)block && *frame == frameKey;
    }

    const string AttachSite = "ShadowStack.Attach";
    static nint s_sharedFallback;

    /// <summary>
    /// The thread's first frame. After an internal error the thread shares one fallback block with any other such
    /// thread: their stacks in reports are then unreliable, but every frame pointer stays inside a block, so nothing
    /// instrumented code does with it can fault.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int* Attach()
    {
        try
        {
            InternalErrors.Inject(AttachSite);
            return AttachOwnBlock();
        }
        catch (Exception e) when (InternalErrors.Contain(AttachSite, e))
        {
            return AttachShared();
        }
    }

    static int* AttachShared()
    {
        lock (s_freeBlocks)
        {
            if (s_sharedFallback == 0)
            {
                int* shared = null;
                try { shared = NewBlock(); }
                catch (OutOfMemoryException) { Environment.FailFast("SharpSan: out of memory for a shadow call stack"); }
                *(int**)shared = shared + HeaderInts - FrameInts;
                shared[2] = 0;
                s_sharedFallback = (nint)shared;
            }
        }
        t_block = (int*)s_sharedFallback;
        return t_block;
    }

    /// <summary>
    /// A fresh block, aligned to its size, from mmap rather than malloc: the only pointers to blocks live in thread
    /// statics and a managed free list, which LeakSanitizer does not scan, so under `--native address` with
    /// native_leaks=1 every malloc'd block was reported as leaked (2 MiB on a long run). Twice the size is mapped to
    /// align it; the unused part is address space only (never touched, no swap reserved).
    /// </summary>
    static int* NewBlock()
    {
        nuint mapped = 2 * (nuint)BlockSize;
        void* p = LibC.mmap(null, mapped, LibC.ProtRead | LibC.ProtWrite, LibC.MapPrivate | LibC.MapAnonymous | LibC.MapNoReserve, -1, 0);
        if (p == LibC.MapFailed) throw new OutOfMemoryException("SharpSan: no address space for a shadow call stack");
        return (int*)(((nuint)p + BlockSize - 1) & ~(nuint)(BlockSize - 1));
    }

    static int* AttachOwnBlock()
    {
        int* block;
        lock (s_freeBlocks)
            block = s_freeBlocks.Count > 0 ? (int*)s_freeBlocks.Pop() : null;
        if (block == null)
            block = NewBlock();
        *(int**)block = block + HeaderInts - FrameInts;   // empty: top sits just below the first frame
        *DataSlot(block) = 0;   // a reused block's pointer was its dead thread's
        t_block = block;
        t_owner = new BlockOwner((nint)block);
        return block;
    }

    /// <summary>Copies the current thread's frames, innermost first, into <paramref name="destination"/>.</summary>
    /// <param name="innermostSite">IL offset to use for the innermost frame (the faulting access), or -1 to keep the recorded call site.</param>
    public static int Capture(Span<long> destination, int innermostSite = -1)
    {
        int* block = t_block;
        if (block == null) return 0;
        int* top = *(int**)block;
        int* first = block + HeaderInts;
        int n = 0;
        for (int* f = top; f >= first && n < destination.Length; f -= FrameInts, n++)
        {
            int site = n == 0 && innermostSite >= 0 ? innermostSite : f[1];
            destination[n] = StackFrame.Pack(f[0], site);
        }
        return n;
    }

    /// <summary>
    /// Like <see cref="Capture"/>, with each frame's spare slot in <paramref name="spares"/> (meaningful for test
    /// frames only: their class, see <see cref="EnterTest"/>).
    /// </summary>
    public static int CaptureWithSpares(Span<long> destination, Span<int> spares)
    {
        int* block = t_block;
        if (block == null) return 0;
        int* top = *(int**)block;
        int* first = block + HeaderInts;
        int n = 0;
        for (int* f = top; f >= first && n < destination.Length && n < spares.Length; f -= FrameInts, n++)
        {
            destination[n] = StackFrame.Pack(f[0], f[1]);
            spares[n] = f[1 + SpareOffset];
        }
        return n;
    }

    /// <summary>This thread's current top of stack (0 before its first frame), to come back to with <see cref="Unwind"/>.</summary>
    public static nint Mark() => t_block == null ? 0 : *(nint*)t_block;

    /// <summary>
    /// Back to <paramref name="mark"/>: frames pushed since then are gone. A thread-pool work item ends with this. Every
    /// instrumented method pops its own frame in a fault handler when an exception leaves it, so this is a backstop for
    /// the few that cannot have one (methods with a tail call).
    /// </summary>
    public static void Unwind(nint mark)
    {
        int* block = t_block;
        if (block == null) return;
        int* empty = block + HeaderInts - FrameInts;
        int* top = (int*)mark < empty ? empty : (int*)mark;
        if (top <= *(int**)block) *(int**)block = top;
    }

    /// <summary>Returns a dead thread's block for reuse.</summary>
    sealed class BlockOwner(nint block)
    {
        ~BlockOwner()
        {
            lock (s_freeBlocks) s_freeBlocks.Push(block);
        }
    }
}

/// <summary>A recorded frame: a method (frame key) and the IL offset executing in it.</summary>
public readonly record struct StackFrame(int FrameKey, int IlOffset)
{
    public static long Pack(int frameKey, int ilOffset) => ((long)frameKey << 32) | (uint)ilOffset;
    public static StackFrame Unpack(long packed) => new((int)(packed >> 32), (int)packed);
    public int ModuleId => FrameKey >>> ShadowStack.ModuleShift;
    public int MethodRid => FrameKey & ((1 << ShadowStack.ModuleShift) - 1);

    /// <summary>
    /// The faulting location of a captured stack, ASan's "pc" for suppress_equal_pcs: the first frame, and for a
    /// fault inside an intercepted API (a synthetic first frame) also the user's call site below it.
    /// </summary>
    public static string LocationKey(long[] stack) =>
        stack.Length == 0 ? "" : Unpack(stack[0]).FrameKey == SyntheticKey && stack.Length > 1 ? $"{stack[0]}/{stack[1]}" : $"{stack[0]}";

    /// <summary>Frame key reserved for "a runtime interceptor standing for a BCL API"; the offset indexes <see cref="SyntheticFrames"/>.</summary>
    public const int SyntheticKey = -1;
}
