using System.Runtime.CompilerServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>
/// Replacements for the pointer-dereferencing members of <see cref="Unsafe"/> and for <see cref="Buffer.MemoryCopy(void*, void*, long, long)"/>.
/// The single-value ones are inlined into the caller with the same fast path as a plain load or store.
/// </summary>
public static unsafe class UnsafeInterceptors
{
    const string Target = "System.Runtime.CompilerServices.Unsafe";
    static int Frame(string signature) => SyntheticFrames.Register(signature);

    static readonly int s_read = Frame("System.Runtime.CompilerServices.Unsafe.Read<T>(void*)");
    static readonly int s_write = Frame("System.Runtime.CompilerServices.Unsafe.Write<T>(void*, T)");
    static readonly int s_readUnaligned = Frame("System.Runtime.CompilerServices.Unsafe.ReadUnaligned<T>(void*)");
    static readonly int s_writeUnaligned = Frame("System.Runtime.CompilerServices.Unsafe.WriteUnaligned<T>(void*, T)");
    static readonly int s_copy = Frame("System.Runtime.CompilerServices.Unsafe.Copy<T>(void*, ref T)");
    static readonly int s_copyRef = Frame("System.Runtime.CompilerServices.Unsafe.Copy<T>(ref T, void*)");
    static readonly int s_readUnalignedRef = Frame("System.Runtime.CompilerServices.Unsafe.ReadUnaligned<T>(ref readonly byte)");
    static readonly int s_writeUnalignedRef = Frame("System.Runtime.CompilerServices.Unsafe.WriteUnaligned<T>(ref byte, T)");
    static readonly int s_copyBlock = Frame("System.Runtime.CompilerServices.Unsafe.CopyBlock(void*, void*, uint)");
    static readonly int s_copyBlockRef = Frame("System.Runtime.CompilerServices.Unsafe.CopyBlock(ref byte, ref readonly byte, uint)");
    static readonly int s_copyBlockUnaligned = Frame("System.Runtime.CompilerServices.Unsafe.CopyBlockUnaligned(void*, void*, uint)");
    static readonly int s_copyBlockUnalignedRef = Frame("System.Runtime.CompilerServices.Unsafe.CopyBlockUnaligned(ref byte, ref readonly byte, uint)");
    static readonly int s_initBlock = Frame("System.Runtime.CompilerServices.Unsafe.InitBlock(void*, byte, uint)");
    static readonly int s_initBlockRef = Frame("System.Runtime.CompilerServices.Unsafe.InitBlock(ref byte, byte, uint)");
    static readonly int s_initBlockUnaligned = Frame("System.Runtime.CompilerServices.Unsafe.InitBlockUnaligned(void*, byte, uint)");
    static readonly int s_initBlockUnalignedRef = Frame("System.Runtime.CompilerServices.Unsafe.InitBlockUnaligned(ref byte, byte, uint)");
    static readonly int s_memoryCopyUnsigned = Frame("System.Buffer.MemoryCopy(void*, void*, ulong, ulong)");
    static readonly int s_memoryCopy = Frame("System.Buffer.MemoryCopy(void*, void*, long, long)");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Check(void* p, int size, bool isWrite, int frame, bool throughReference = false)
    {
        nuint a = (nuint)p;
        sbyte first = *(sbyte*)((a >> 3) + ShadowMemory.Base);
        sbyte last = *(sbyte*)(((a + (nuint)size - 1) >> 3) + ShadowMemory.Base);
        if ((first | last) != 0 || size > 16) AddressSanitizer.CheckRange(p, (nuint)size, isWrite, frame, throughReference);
    }

    static void CheckCopy(void* destination, void* source, nuint byteCount, int frame, bool throughReference = false)
    {
        AddressSanitizer.CheckRange(source, byteCount, false, frame, throughReference);
        AddressSanitizer.CheckRange(destination, byteCount, true, frame, throughReference);
    }

    [Intercepts(Target, "Read"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read<T>(void* source) { Check(source, Unsafe.SizeOf<T>(), false, s_read); return Unsafe.Read<T>(source); }

    [Intercepts(Target, "Write"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<T>(void* destination, T value) { Check(destination, Unsafe.SizeOf<T>(), true, s_write); Unsafe.Write(destination, value); }

    [Intercepts(Target, "ReadUnaligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ReadUnaligned<T>(void* source) { Check(source, Unsafe.SizeOf<T>(), false, s_readUnaligned); return Unsafe.ReadUnaligned<T>(source); }

    [Intercepts(Target, "ReadUnaligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ReadUnaligned<T>(ref readonly byte source)
    {
        Check(Unsafe.AsPointer(ref Unsafe.AsRef(in source)), Unsafe.SizeOf<T>(), false, s_readUnalignedRef, throughReference: true);
        return Unsafe.ReadUnaligned<T>(in source);
    }

    [Intercepts(Target, "WriteUnaligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUnaligned<T>(void* destination, T value) { Check(destination, Unsafe.SizeOf<T>(), true, s_writeUnaligned); Unsafe.WriteUnaligned(destination, value); }

    [Intercepts(Target, "WriteUnaligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUnaligned<T>(ref byte destination, T value)
    {
        Check(Unsafe.AsPointer(ref destination), Unsafe.SizeOf<T>(), true, s_writeUnalignedRef, throughReference: true);
        Unsafe.WriteUnaligned(ref destination, value);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy<T>(void* destination, ref readonly T source)
    {
        Check(destination, Unsafe.SizeOf<T>(), true, s_copy);
        Unsafe.Copy(destination, in source);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy<T>(ref T destination, void* source)
    {
        Check(source, Unsafe.SizeOf<T>(), false, s_copyRef);
        Unsafe.Copy(ref destination, source);
    }

    [Intercepts(Target, "CopyBlock")]
    public static void CopyBlock(void* destination, void* source, uint byteCount)
    {
        CheckCopy(destination, source, byteCount, s_copyBlock);
        Unsafe.CopyBlock(destination, source, byteCount);
    }

    [Intercepts(Target, "CopyBlock")]
    public static void CopyBlock(ref byte destination, ref readonly byte source, uint byteCount)
    {
        CheckCopy(Unsafe.AsPointer(ref destination), Unsafe.AsPointer(ref Unsafe.AsRef(in source)), byteCount, s_copyBlockRef, throughReference: true);
        Unsafe.CopyBlock(ref destination, in source, byteCount);
    }

    [Intercepts(Target, "CopyBlockUnaligned")]
    public static void CopyBlockUnaligned(void* destination, void* source, uint byteCount)
    {
        CheckCopy(destination, source, byteCount, s_copyBlockUnaligned);
        Unsafe.CopyBlockUnaligned(destination, source, byteCount);
    }

    [Intercepts(Target, "CopyBlockUnaligned")]
    public static void CopyBlockUnaligned(ref byte destination, ref readonly byte source, uint byteCount)
    {
        CheckCopy(Unsafe.AsPointer(ref destination), Unsafe.AsPointer(ref Unsafe.AsRef(in source)), byteCount, s_copyBlockUnalignedRef, throughReference: true);
        Unsafe.CopyBlockUnaligned(ref destination, in source, byteCount);
    }

    [Intercepts(Target, "InitBlock")]
    public static void InitBlock(void* startAddress, byte value, uint byteCount)
    {
        AddressSanitizer.CheckRange(startAddress, byteCount, true, s_initBlock);
        Unsafe.InitBlock(startAddress, value, byteCount);
    }

    [Intercepts(Target, "InitBlock")]
    public static void InitBlock(ref byte startAddress, byte value, uint byteCount)
    {
        AddressSanitizer.CheckRange(Unsafe.AsPointer(ref startAddress), byteCount, true, s_initBlockRef, throughReference: true);
        Unsafe.InitBlock(ref startAddress, value, byteCount);
    }

    [Intercepts(Target, "InitBlockUnaligned")]
    public static void InitBlockUnaligned(void* startAddress, byte value, uint byteCount)
    {
        AddressSanitizer.CheckRange(startAddress, byteCount, true, s_initBlockUnaligned);
        Unsafe.InitBlockUnaligned(startAddress, value, byteCount);
    }

    [Intercepts(Target, "InitBlockUnaligned")]
    public static void InitBlockUnaligned(ref byte startAddress, byte value, uint byteCount)
    {
        AddressSanitizer.CheckRange(Unsafe.AsPointer(ref startAddress), byteCount, true, s_initBlockUnalignedRef, throughReference: true);
        Unsafe.InitBlockUnaligned(ref startAddress, value, byteCount);
    }

    [Intercepts("System.Buffer", "MemoryCopy")]
    public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
    {
        if (sourceBytesToCopy > destinationSizeInBytes) { Buffer.MemoryCopy(source, destination, destinationSizeInBytes, sourceBytesToCopy); return; }
        CheckCopy(destination, source, (nuint)sourceBytesToCopy, s_memoryCopy);
        Buffer.MemoryCopy(source, destination, destinationSizeInBytes, sourceBytesToCopy);
    }

    [Intercepts("System.Buffer", "MemoryCopy")]
    public static void MemoryCopy(void* source, void* destination, ulong destinationSizeInBytes, ulong sourceBytesToCopy)
    {
        if (sourceBytesToCopy > destinationSizeInBytes) { Buffer.MemoryCopy(source, destination, destinationSizeInBytes, sourceBytesToCopy); return; }
        CheckCopy(destination, source, (nuint)sourceBytesToCopy, s_memoryCopyUnsigned);
        Buffer.MemoryCopy(source, destination, destinationSizeInBytes, sourceBytesToCopy);
    }
}
