using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>SharpSan.Annotations.MemoryPoisoning calls in checked code (address mode), redirected here.</summary>
public static unsafe class PoisoningInterceptors
{
    const string Target = "SharpSan.Annotations.MemoryPoisoning";
    const string Site = "MemoryPoisoning";

    static readonly int s_poison = SyntheticFrames.Register("SharpSan.Annotations.MemoryPoisoning.Poison(...)");

    [Intercepts(Target, "Poison")]
    public static void Poison(void* address, nuint length) => PoisonRange((nuint)address, length);

    [Intercepts(Target, "Poison")]
    public static void Poison(IntPtr address, nuint length) => PoisonRange((nuint)address, length);

    [Intercepts(Target, "Poison")]
    public static void Poison<T>(T[] array, int start, int count) where T : unmanaged
    {
        CheckRange(array, start, count);
        if (count > 0) PoisonRange(Element(array, start), (nuint)count * (nuint)sizeof(T));
    }

    [Intercepts(Target, "Unpoison")]
    public static void Unpoison(void* address, nuint length) => UnpoisonRange((nuint)address, length);

    [Intercepts(Target, "Unpoison")]
    public static void Unpoison(IntPtr address, nuint length) => UnpoisonRange((nuint)address, length);

    [Intercepts(Target, "Unpoison")]
    public static void Unpoison<T>(T[] array, int start, int count) where T : unmanaged
    {
        CheckRange(array, start, count);
        if (count > 0) UnpoisonRange(Element(array, start), (nuint)count * (nuint)sizeof(T));
    }

    static void PoisonRange(nuint address, nuint length)
    {
        if (address == 0) return;
        Common.InternalErrors.Run(Site, Common.LostTracking.Nothing, (address, length),
            static r => UserPoisoning.Poison(r.address, r.length, AddressSanitizer.CaptureStackId(s_poison)));
    }

    static void UnpoisonRange(nuint address, nuint length)
    {
        if (address == 0) return;
        Common.InternalErrors.Run(Site, Common.LostTracking.Nothing, (address, length), static r => UserPoisoning.Unpoison(r.address, r.length));
    }

    static nuint Element<T>(T[] array, int start) where T : unmanaged
    {
        nuint address = 0;
        Common.InternalErrors.Run(Site, Common.LostTracking.Nothing, (array, start), r => address = UserPoisoning.ElementAddress(r.array, r.start));
        return address;
    }

    /// <summary>The checks the annotation itself makes (SharpSan.Annotations), so a wrong call fails alike with and without SharpSan.</summary>
    static void CheckRange<T>(T[] array, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (start < 0 || count < 0 || start > array.Length - count)
            throw new ArgumentOutOfRangeException(nameof(count), $"[{start}, {start}+{count}) is not within an array of {array.Length}");
    }
}
