using System.Runtime.CompilerServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Memory.Interceptors;

/// <summary>SharpSan.Annotations.Memory calls in code checked by MemorySanitizer, redirected here (MSan's __msan_poison and friends).</summary>
public static unsafe class MemoryAnnotationInterceptors
{
    const string Annotations = "SharpSan.Annotations.Memory";
    const string Site = "MemorySanitizer.Annotation";
    static readonly int s_markUndefined = SyntheticFrames.Register("SharpSan.Annotations.Memory.MarkUndefined");
    static readonly int s_assertDefined = SyntheticFrames.Register("SharpSan.Annotations.Memory.AssertDefined");

    [Intercepts(Annotations, "MarkUndefined", Sanitizer = "memory")]
    public static void MarkUndefined(void* address, nuint length) => Contained(() => Poison(address, length));

    [Intercepts(Annotations, "MarkUndefined", Sanitizer = "memory")]
    public static void MarkUndefined(nint address, nuint length) => MarkUndefined((void*)address, length);

    [Intercepts(Annotations, "MarkUndefined", Sanitizer = "memory")]
    public static void MarkUndefined<T>(T[] array, int start, int count)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>() || array is null) return;
        Contained(() =>
        {
            int origin = Origins.New(OriginKind.Annotation, MemorySanitizer.CaptureStackId(s_markUndefined), "a call to SharpSan.Annotations.Memory.MarkUndefined");
            int size = Unsafe.SizeOf<T>();
            RentedArrays.PoisonRange(array, size, (long)start * size, (long)count * size, origin);
        });
    }

    [Intercepts(Annotations, "MarkDefined", Sanitizer = "memory")]
    public static void MarkDefined(void* address, nuint length) => MemoryBookkeeping.Defined(address, length);

    [Intercepts(Annotations, "MarkDefined", Sanitizer = "memory")]
    public static void MarkDefined(nint address, nuint length) => MemoryBookkeeping.Defined((void*)address, length);

    [Intercepts(Annotations, "MarkDefined", Sanitizer = "memory")]
    public static void MarkDefined<T>(T[] array, int start, int count)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>() || array is null) return;
        int size = Unsafe.SizeOf<T>();
        Contained(() => RentedArrays.Define(array, (long)start * size, (long)count * size));
    }

    [Intercepts(Annotations, "AssertDefined", Sanitizer = "memory")]
    public static void AssertDefined(void* address, nuint length) => Contained(() => MemorySanitizer.CheckConsumed(address, length, s_assertDefined));

    [Intercepts(Annotations, "AssertDefined", Sanitizer = "memory")]
    public static void AssertDefined(nint address, nuint length) => AssertDefined((void*)address, length);

    [Intercepts(Annotations, "AssertDefined", Sanitizer = "memory")]
    public static void AssertDefined<T>(T[] array, int start, int count)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>() || array is null) return;
        int size = Unsafe.SizeOf<T>();
        Contained(() =>
        {
            long at = RentedArrays.FirstUndefined(array, (long)start * size, (long)count * size, out int origin);
            if (at >= 0) MemorySanitizer.ReportConsumed(origin, s_assertDefined, at, (nuint)((long)count * size));
        });
    }

    static void Poison(void* address, nuint length)
    {
        if (address == null || length == 0) return;
        int origin = Origins.New(OriginKind.Annotation, MemorySanitizer.CaptureStackId(s_markUndefined), "a call to SharpSan.Annotations.Memory.MarkUndefined");
        DefinednessShadow.Poison((nuint)address, length, origin);
    }

    static void Contained(Action work)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            work();
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
        }
    }
}
