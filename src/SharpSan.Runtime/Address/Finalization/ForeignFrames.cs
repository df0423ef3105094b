using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Finalization;

/// <summary>
/// Reads another thread's shadow call stack from one of its frames. The layout mirrors the one documented on
/// <see cref="ShadowStack"/>: 1 MiB aligned blocks, a header of four ints whose first word is the top frame, frames of
/// four ints <c>[frameKey][callSite][activation][spare]</c>, a frame's "site" pointing at its call-site slot. Blocks
/// are never unmapped, so a racy read cannot fault; at worst it reads a frame being replaced.
/// </summary>
internal static unsafe class ForeignFrames
{
    const int BlockSize = 1 << 20;
    const int HeaderInts = 4;
    const int FrameInts = 4;

    static int* BlockOf(int* site) => (int*)((nuint)site & ~(nuint)(BlockSize - 1));

    /// <summary>True while the entry's frame is still on its thread's stack and still the same activation.</summary>
    public static bool IsLive(in ActiveMethod entry)
    {
        int* frame = entry.Site - 1;
        int* top = (int*)Volatile.Read(ref *(nint*)BlockOf(entry.Site));
        return frame <= top && frame[0] == entry.FrameKey && frame[2] == entry.Activation;
    }

    /// <summary>The frames from the entry's frame down to its thread's first one, innermost first.</summary>
    /// <param name="innermostSite">IL offset to show for the entry's own frame, or -1 for the call site it recorded.</param>
    public static long[] StackFrom(in ActiveMethod entry, int innermostSite, int maxFrames)
    {
        int* first = BlockOf(entry.Site) + HeaderInts;
        var frames = new List<long>();
        for (int* f = entry.Site - 1; f >= first && frames.Count < maxFrames; f -= FrameInts)
            frames.Add(StackFrame.Pack(f[0], frames.Count == 0 && innermostSite >= 0 ? innermostSite : f[1]));
        return [.. frames];
    }
}
