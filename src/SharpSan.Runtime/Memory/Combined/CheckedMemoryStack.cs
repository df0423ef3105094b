using SharpSan.Runtime.Address.Stack;

namespace SharpSan.Runtime.Memory.Combined;

/// <summary>
/// <c>stackalloc</c> under address+memory: the buffer comes from ASan's fake stack (redzones, use after return) and its
/// definedness follows MSan: undefined in a method without localsinit (origin: the stackalloc), defined otherwise.
/// When the owning frame returns its buffers become defined again, so fake-stack memory reused by a later buffer (or
/// read after return, which ASan reports) never carries a stale undefined shadow.
/// </summary>
public static unsafe class CheckedMemoryStack
{
    [ThreadStatic] static Stack<(nint Block, nuint Size, nint Owner)>? t_blocks;

    const string AllocSite = "CheckedMemoryStack.Alloc";

    /// <summary>Replaces <c>localloc</c>; <paramref name="zero"/> when the method has localsinit.</summary>
    public static void* Alloc(nuint size, int* frame, int site, bool zero)
    {
        void* block = FakeStack.Alloc(size, frame, site, zero);
        try
        {
            Common.InternalErrors.Inject(AllocSite);
            var blocks = t_blocks ??= new();
            DefineAbove(blocks, frame);
            blocks.Push(((nint)block, size, (nint)frame));
            if (zero || size == 0) DefinednessShadow.Unpoison((nuint)block, size);
            else
            {
                int offset = Address.Sites.Offset(site);
                int stack = MemorySanitizer.CaptureStackId(-1, offset);
                DefinednessShadow.Poison((nuint)block, size, Origins.New(OriginKind.StackAllocation, stack, $"stackalloc at IL_{offset:x4}"));
            }
        }
        catch (Exception e) when (Common.InternalErrors.Contain(AllocSite, e))
        {
            Interceptors.MemoryBookkeeping.Defined(block, size);   // unchecked now: defined, so no report can come from it
        }
        return block;
    }

    /// <summary>Before the owning method returns: ASan retires the frame's buffers, their definedness is cleared.</summary>
    public static void Release(int* frame)
    {
        FakeStack.Release(frame);
        var blocks = t_blocks;
        if (blocks is null) return;
        while (blocks.Count > 0 && blocks.Peek().Owner >= (nint)frame) Define(blocks.Pop());
    }

    static void DefineAbove(Stack<(nint Block, nuint Size, nint Owner)> blocks, int* frame)
    {
        while (blocks.Count > 0 && blocks.Peek().Owner > (nint)frame) Define(blocks.Pop());
    }

    static void Define((nint Block, nuint Size, nint Owner) buffer) => Interceptors.MemoryBookkeeping.Defined((void*)buffer.Block, buffer.Size);
}
