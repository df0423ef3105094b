using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Heuristic;

/// <summary>
/// Fixed buffers and [InlineArray]s whose address left the method that derived it (passed on, stored, converted to a
/// pointer), per thread: the bounds SGCheck's heuristic may bind a loop access to in a callee. Each entry belongs to
/// the deriving method's shadow-stack frame and goes when that method returns; an entry whose frame an exception
/// unwound is ignored (the frame is no longer live) until it is overwritten. A small table: most recent first, the
/// oldest entry dropped when full.
/// </summary>
public static unsafe class EscapedBuffers
{
    const int Capacity = 32;

    /// <summary>A registered buffer and the struct around it.</summary>
    internal readonly record struct Entry(nuint Begin, nuint Bytes, string Description, IntraObject.Enclosing Enclosing, nint Site, int FrameKey)
    {
        public bool IsLive => ShadowStack.IsLive((int*)Site, FrameKey);
    }

    sealed class Table
    {
        public readonly Entry[] Items = new Entry[Capacity];
        public int Count;
    }

    [ThreadStatic] static Table? t_table;

    /// <summary>
    /// Called where checked code derives a buffer's address that escapes. <paramref name="frame"/> is the deriving
    /// method's shadow-stack frame (its call-site slot); the other arguments describe the buffer as
    /// <see cref="IntraObject.CheckEnclosed"/> does.
    /// </summary>
    public static void Register(void* buffer, int bytes, string description, int bufferOffset, int enclosingBytes, int kind, string enclosingName, int* frame)
    {
        if (frame == null) return;
        try
        {
            Common.InternalErrors.Inject(RegisterSite);
            RegisterChecked(buffer, bytes, description, bufferOffset, enclosingBytes, kind, enclosingName, frame);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(RegisterSite, e))
        {
            // Not registered: accesses through the escaped address bind to nothing (unchecked), never to a wrong buffer.
        }
    }

    const string RegisterSite = "EscapedBuffers.Register", ReleaseSite = "EscapedBuffers.Release";

    static void RegisterChecked(void* buffer, int bytes, string description, int bufferOffset, int enclosingBytes, int kind, string enclosingName, int* frame)
    {
        var table = t_table ??= new Table();
        var entry = new Entry((nuint)buffer, (nuint)bytes, description,
            new IntraObject.Enclosing((EnclosingKind)kind, (nuint)buffer - (nuint)bufferOffset, (nuint)enclosingBytes, enclosingName), (nint)frame, frame[-1]);
        var items = table.Items;
        for (int k = table.Count - 1; k >= 0; k--)
        {
            if (items[k].Begin == entry.Begin && items[k].Site == entry.Site)
            {
                items[k] = entry;
                return;
            }
        }
        if (table.Count == Capacity)
        {
            Array.Copy(items, 1, items, 0, Capacity - 1);
            table.Count--;
        }
        items[table.Count++] = entry;
    }

    /// <summary>Before the deriving method returns: its entries (and any of frames deeper than it) go.</summary>
    public static void Release(int* frame)
    {
        var table = t_table;
        if (table is null || table.Count == 0) return;
        try
        {
            Common.InternalErrors.Inject(ReleaseSite);
            int kept = 0;
            for (int k = 0; k < table.Count; k++)
                if (table.Items[k].Site < (nint)frame) table.Items[kept++] = table.Items[k];
            Array.Clear(table.Items, kept, table.Count - kept);
            table.Count = kept;
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ReleaseSite, e))
        {
            table.Count = 0;   // forget them all: an entry whose frame is gone must not bind later accesses
        }
    }

    /// <summary>The bounds of the most recently registered live buffer containing <paramref name="address"/>.</summary>
    internal static bool TryBoundsContaining(nuint address, out nuint begin, out nuint bytes)
    {
        var table = t_table;
        if (table is not null)
        {
            var items = table.Items;
            for (int k = table.Count - 1; k >= 0; k--)
            {
                ref readonly var e = ref items[k];
                if (address - e.Begin < e.Bytes && e.IsLive)
                {
                    (begin, bytes) = (e.Begin, e.Bytes);
                    return true;
                }
            }
        }
        begin = bytes = 0;
        return false;
    }

    /// <summary>The live buffer that is exactly [<paramref name="begin"/>, +<paramref name="bytes"/>).</summary>
    internal static Entry? Exactly(nuint begin, nuint bytes)
    {
        var table = t_table;
        if (table is null) return null;
        for (int k = table.Count - 1; k >= 0; k--)
        {
            ref var e = ref table.Items[k];
            if (e.Begin == begin && e.Bytes == bytes && e.IsLive) return e;
        }
        return null;
    }
}
