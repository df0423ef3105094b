using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Memory;

/// <summary>
/// <c>stackalloc</c> under MemorySanitizer: each buffer comes from the native heap, owned by the calling method's
/// shadow-stack frame, and is undefined unless the method zero-initialises its locals. Off the thread stack, a
/// buffer's poison never lingers under the managed locals of a later frame (which the shadow does not see written).
/// Buffers of frames unwound by an exception are freed by the next allocation or release on the thread.
/// </summary>
public static unsafe class MemoryStack
{
    [ThreadStatic] static Stack<(nint Block, nint Owner)>? t_blocks;

    const string AllocSite = "MemoryStack.Alloc";

    /// <summary>Replaces <c>localloc</c> in a method with a shadow-stack <paramref name="frame"/>.</summary>
    public static void* Alloc(nuint size, int* frame, int site, bool zero)
    {
        var blocks = t_blocks ??= new();
        ReleaseAbove(blocks, frame);
        void* block = zero ? NativeMemory.AllocZeroed(Math.Max(size, 1)) : NativeMemory.Alloc(Math.Max(size, 1));
        blocks.Push(((nint)block, (nint)frame));
        if (zero) Interceptors.MemoryBookkeeping.AllocatedZeroed(block, size);
        if (zero || size == 0) return block;
        try
        {
            Common.InternalErrors.Inject(AllocSite);
            int offset = Address.Sites.Offset(site);
            int stack = MemorySanitizer.CaptureStackId(-1, offset);
            DefinednessShadow.Poison((nuint)block, size, Origins.New(OriginKind.StackAllocation, stack, $"stackalloc at IL_{offset:x4}"));
        }
        catch (Exception e) when (Common.InternalErrors.Contain(AllocSite, e))
        {
            NativeMemory.Clear(block, size);   // unchecked now: defined, so no report can come from it
        }
        return block;
    }

    /// <summary>Before the owning method returns: its buffers (and any left by deeper, unwound frames) are freed, their shadow cleared.</summary>
    public static void Release(int* frame)
    {
        var blocks = t_blocks;
        if (blocks is null) return;
        while (blocks.Count > 0 && blocks.Peek().Owner >= (nint)frame) Free(blocks.Pop().Block);
    }

    static void ReleaseAbove(Stack<(nint Block, nint Owner)> blocks, int* frame)
    {
        while (blocks.Count > 0 && blocks.Peek().Owner > (nint)frame) Free(blocks.Pop().Block);
    }

    static void Free(nint block)
    {
        DefinednessShadow.Unpoison((nuint)block, MemorySanitizer.UsableSize((void*)block));
        NativeMemory.Free((void*)block);
    }
}
