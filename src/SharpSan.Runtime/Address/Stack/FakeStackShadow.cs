using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Address.Stack;

/// <summary>
/// Shadow writes for fake-stack buffers, inline and eight shadow bytes per store: the buffers are small (a few dozen
/// shadow bytes), where a <see cref="Span{T}.Fill"/> call and its setup cost more than the stores themselves.
/// </summary>
internal static unsafe class FakeStackShadow
{
    /// <summary>Redzones and addressable bytes of a fresh buffer: its block [raw, raw + total) with the user's <paramref name="size"/> bytes after the left redzone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MarkNew(byte* raw, nuint size, nuint total)
    {
        byte* shadow = ShadowOf(raw);
        *(uint*)shadow = 0xF1F1F1F1;   // the 32-byte left redzone: four granules
        shadow += FakeStack.Redzone >> 3;
        nuint whole = size >> 3;
        Fill(shadow, whole, 0);
        shadow += whole;
        nuint userGranules = whole;
        if ((size & 7) != 0)
        {
            *shadow++ = (byte)(size & 7);
            userGranules++;
        }
        Fill(shadow, (total >> 3) - (FakeStack.Redzone >> 3) - userGranules, (byte)ShadowCode.StackRightRedzone);
    }

    /// <summary>A returned buffer's bytes (<paramref name="rounded"/>, a multiple of 8) read as stack-use-after-return.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MarkReturned(byte* user, nuint rounded) => Fill(ShadowOf(user), rounded >> 3, (byte)ShadowCode.StackAfterReturn);

    static byte* ShadowOf(byte* address) => (byte*)(((nuint)address >> 3) + ShadowMemory.Base);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Fill(byte* shadow, nuint count, byte code)
    {
        ulong pattern = code * 0x0101010101010101UL;
        for (; count >= 8; count -= 8, shadow += 8) *(ulong*)shadow = pattern;
        if (count >= 4)
        {
            *(uint*)shadow = (uint)pattern;
            shadow += 4;
            count -= 4;
        }
        for (; count > 0; count--) *shadow++ = code;
    }
}
