using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>Replacements for the members of <see cref="Marshal"/> that read or write native memory: each checks the range, then calls the real one.</summary>
public static unsafe class MarshalAccessInterceptors
{
    const string Target = "System.Runtime.InteropServices.Marshal";
    static int Frame(string signature) => SyntheticFrames.Register("System.Runtime.InteropServices.Marshal." + signature);

    static readonly int s_copyTo = Frame("Copy(T[], int, nint, int)");
    static readonly int s_copyFrom = Frame("Copy(nint, T[], int, int)");
    static readonly int s_read = Frame("Read(nint, int)");
    static readonly int s_write = Frame("Write(nint, int, T)");
    static readonly int s_ptrToString = Frame("PtrToString(nint)");
    static readonly int s_ptrToStructure = Frame("PtrToStructure(nint, Type)");
    static readonly int s_structureToPtr = Frame("StructureToPtr(object, nint, bool)");

    static void Check(void* p, nuint size, bool isWrite, int frame) => AddressSanitizer.CheckRange(p, size, isWrite, frame);

    [Intercepts(Target, "Copy")]
    public static void Copy(int[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)length * (nuint)sizeof(int), true, s_copyTo);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, int[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)length * (nuint)sizeof(int), false, s_copyFrom);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(char[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)length * (nuint)sizeof(char), true, s_copyTo);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, char[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)length * (nuint)sizeof(char), false, s_copyFrom);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(short[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)length * (nuint)sizeof(short), true, s_copyTo);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, short[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)length * (nuint)sizeof(short), false, s_copyFrom);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(long[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)length * (nuint)sizeof(long), true, s_copyTo);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, long[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)length * (nuint)sizeof(long), false, s_copyFrom);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(float[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)length * (nuint)sizeof(float), true, s_copyTo);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, float[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)length * (nuint)sizeof(float), false, s_copyFrom);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(double[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)length * (nuint)sizeof(double), true, s_copyTo);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, double[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)length * (nuint)sizeof(double), false, s_copyFrom);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(byte[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)length * (nuint)sizeof(byte), true, s_copyTo);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, byte[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)length * (nuint)sizeof(byte), false, s_copyFrom);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)length * (nuint)sizeof(nint), true, s_copyTo);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, nint[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)length * (nuint)sizeof(nint), false, s_copyFrom);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "ReadByte")]
    public static byte ReadByte(nint ptr) => ReadByte(ptr, 0);

    [Intercepts(Target, "ReadByte")]
    public static byte ReadByte(nint ptr, int ofs)
    {
        Check((void*)(ptr + ofs), 1, false, s_read);
        return Marshal.ReadByte(ptr, ofs);
    }

    [Intercepts(Target, "WriteByte")]
    public static void WriteByte(nint ptr, byte val) => WriteByte(ptr, 0, val);

    [Intercepts(Target, "WriteByte")]
    public static void WriteByte(nint ptr, int ofs, byte val)
    {
        Check((void*)(ptr + ofs), 1, true, s_write);
        Marshal.WriteByte(ptr, ofs, val);
    }

    [Intercepts(Target, "ReadInt16")]
    public static short ReadInt16(nint ptr) => ReadInt16(ptr, 0);

    [Intercepts(Target, "ReadInt16")]
    public static short ReadInt16(nint ptr, int ofs)
    {
        Check((void*)(ptr + ofs), 2, false, s_read);
        return Marshal.ReadInt16(ptr, ofs);
    }

    [Intercepts(Target, "WriteInt16")]
    public static void WriteInt16(nint ptr, short val) => WriteInt16(ptr, 0, val);

    [Intercepts(Target, "WriteInt16")]
    public static void WriteInt16(nint ptr, int ofs, short val)
    {
        Check((void*)(ptr + ofs), 2, true, s_write);
        Marshal.WriteInt16(ptr, ofs, val);
    }

    [Intercepts(Target, "ReadInt32")]
    public static int ReadInt32(nint ptr) => ReadInt32(ptr, 0);

    [Intercepts(Target, "ReadInt32")]
    public static int ReadInt32(nint ptr, int ofs)
    {
        Check((void*)(ptr + ofs), 4, false, s_read);
        return Marshal.ReadInt32(ptr, ofs);
    }

    [Intercepts(Target, "WriteInt32")]
    public static void WriteInt32(nint ptr, int val) => WriteInt32(ptr, 0, val);

    [Intercepts(Target, "WriteInt32")]
    public static void WriteInt32(nint ptr, int ofs, int val)
    {
        Check((void*)(ptr + ofs), 4, true, s_write);
        Marshal.WriteInt32(ptr, ofs, val);
    }

    [Intercepts(Target, "ReadInt64")]
    public static long ReadInt64(nint ptr) => ReadInt64(ptr, 0);

    [Intercepts(Target, "ReadInt64")]
    public static long ReadInt64(nint ptr, int ofs)
    {
        Check((void*)(ptr + ofs), 8, false, s_read);
        return Marshal.ReadInt64(ptr, ofs);
    }

    [Intercepts(Target, "WriteInt64")]
    public static void WriteInt64(nint ptr, long val) => WriteInt64(ptr, 0, val);

    [Intercepts(Target, "WriteInt64")]
    public static void WriteInt64(nint ptr, int ofs, long val)
    {
        Check((void*)(ptr + ofs), 8, true, s_write);
        Marshal.WriteInt64(ptr, ofs, val);
    }

    [Intercepts(Target, "ReadIntPtr")]
    public static nint ReadIntPtr(nint ptr) => ReadIntPtr(ptr, 0);

    [Intercepts(Target, "ReadIntPtr")]
    public static nint ReadIntPtr(nint ptr, int ofs)
    {
        Check((void*)(ptr + ofs), 8, false, s_read);
        return Marshal.ReadIntPtr(ptr, ofs);
    }

    [Intercepts(Target, "WriteIntPtr")]
    public static void WriteIntPtr(nint ptr, nint val) => WriteIntPtr(ptr, 0, val);

    [Intercepts(Target, "WriteIntPtr")]
    public static void WriteIntPtr(nint ptr, int ofs, nint val)
    {
        Check((void*)(ptr + ofs), 8, true, s_write);
        Marshal.WriteIntPtr(ptr, ofs, val);
    }

    [Intercepts(Target, "WriteInt16")]
    public static void WriteInt16(nint ptr, char val) => WriteInt16(ptr, 0, (short)val);

    [Intercepts(Target, "WriteInt16")]
    public static void WriteInt16(nint ptr, int ofs, char val) => WriteInt16(ptr, ofs, (short)val);

    [Intercepts(Target, "PtrToStringAnsi")]
    public static string? PtrToStringAnsi(nint ptr) { CheckTerminated(ptr, 1); return Marshal.PtrToStringAnsi(ptr); }

    [Intercepts(Target, "PtrToStringAnsi")]
    public static string PtrToStringAnsi(nint ptr, int len) { Check((void*)ptr, (nuint)Math.Max(len, 0), false, s_ptrToString); return Marshal.PtrToStringAnsi(ptr, len); }

    [Intercepts(Target, "PtrToStringUTF8")]
    public static string? PtrToStringUTF8(nint ptr) { CheckTerminated(ptr, 1); return Marshal.PtrToStringUTF8(ptr); }

    [Intercepts(Target, "PtrToStringUTF8")]
    public static string PtrToStringUTF8(nint ptr, int byteLen) { Check((void*)ptr, (nuint)Math.Max(byteLen, 0), false, s_ptrToString); return Marshal.PtrToStringUTF8(ptr, byteLen); }

    [Intercepts(Target, "PtrToStringUni")]
    public static string? PtrToStringUni(nint ptr) { CheckTerminated(ptr, 2); return Marshal.PtrToStringUni(ptr); }

    [Intercepts(Target, "PtrToStringUni")]
    public static string PtrToStringUni(nint ptr, int len) { Check((void*)ptr, (nuint)Math.Max(len, 0) * 2, false, s_ptrToString); return Marshal.PtrToStringUni(ptr, len); }

    [Intercepts(Target, "PtrToStringAuto")]
    public static string? PtrToStringAuto(nint ptr) { CheckTerminated(ptr, 1); return Marshal.PtrToStringAuto(ptr); }

    [Intercepts(Target, "PtrToStringAuto")]
    public static string? PtrToStringAuto(nint ptr, int len) { Check((void*)ptr, (nuint)Math.Max(len, 0), false, s_ptrToString); return Marshal.PtrToStringAuto(ptr, len); }

    [Intercepts(Target, "PtrToStructure")]
    public static object? PtrToStructure(nint ptr, Type structureType)
    {
        if (ptr != 0) Check((void*)ptr, (nuint)Marshal.SizeOf(structureType), false, s_ptrToStructure);
        return Marshal.PtrToStructure(ptr, structureType);
    }

    [Intercepts(Target, "PtrToStructure")]
    public static void PtrToStructure(nint ptr, object structure)
    {
        if (ptr != 0) Check((void*)ptr, (nuint)Marshal.SizeOf(structure), false, s_ptrToStructure);
        Marshal.PtrToStructure(ptr, structure);
    }

    [Intercepts(Target, "PtrToStructure")]
    public static T? PtrToStructure<T>(nint ptr)
    {
        if (ptr != 0) Check((void*)ptr, (nuint)Marshal.SizeOf<T>(), false, s_ptrToStructure);
        return Marshal.PtrToStructure<T>(ptr);
    }

    [Intercepts(Target, "PtrToStructure")]
    public static void PtrToStructure<T>(nint ptr, [System.Diagnostics.CodeAnalysis.DisallowNull] T structure)
    {
        if (ptr != 0) Check((void*)ptr, (nuint)Marshal.SizeOf<T>(), false, s_ptrToStructure);
        Marshal.PtrToStructure(ptr, structure);
    }

    [Intercepts(Target, "StructureToPtr")]
    public static void StructureToPtr(object structure, nint ptr, bool fDeleteOld)
    {
        Check((void*)ptr, (nuint)Marshal.SizeOf(structure), true, s_structureToPtr);
        Marshal.StructureToPtr(structure, ptr, fDeleteOld);
    }

    [Intercepts(Target, "StructureToPtr")]
    public static void StructureToPtr<T>(T structure, nint ptr, bool fDeleteOld) where T : notnull
    {
        Check((void*)ptr, (nuint)Marshal.SizeOf<T>(), true, s_structureToPtr);
        Marshal.StructureToPtr(structure, ptr, fDeleteOld);
    }

    /// <summary>Like ASan's strlen interceptor: the read runs up to and including the terminator.</summary>
    static void CheckTerminated(nint ptr, int charSize)
    {
        if (ptr == 0) return;
        for (nuint i = 0; ; i += (nuint)charSize)
        {
            nuint a = (nuint)ptr + i;
            if (!ShadowMemory.IsByteAddressable(a) || (charSize == 2 && !ShadowMemory.IsByteAddressable(a + 1)))
            {
                Check((void*)ptr, i + (nuint)charSize, false, s_ptrToString);
                return;
            }
            if (charSize == 1 ? *(byte*)a == 0 : *(char*)a == 0) return;
        }
    }
}
