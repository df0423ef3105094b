using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>
/// Replacements for the members of <see cref="Marshal"/> that read or write native memory: each checks the range,
/// then calls the real one. Each overload has its own frame name, so frame #0 of a report is the API the user called.
/// (Generated shape: one method per BCL overload.)
/// </summary>
public static unsafe class MarshalAccessInterceptors
{
    const string Target = "System.Runtime.InteropServices.Marshal";
    static int Frame(string signature) => SyntheticFrames.Register("System.Runtime.InteropServices.Marshal." + signature);

    static readonly int s_copy_int_to = Frame("Copy(int[], int, nint, int)");
    static readonly int s_copy_int_from = Frame("Copy(nint, int[], int, int)");
    static readonly int s_copy_char_to = Frame("Copy(char[], int, nint, int)");
    static readonly int s_copy_char_from = Frame("Copy(nint, char[], int, int)");
    static readonly int s_copy_short_to = Frame("Copy(short[], int, nint, int)");
    static readonly int s_copy_short_from = Frame("Copy(nint, short[], int, int)");
    static readonly int s_copy_long_to = Frame("Copy(long[], int, nint, int)");
    static readonly int s_copy_long_from = Frame("Copy(nint, long[], int, int)");
    static readonly int s_copy_float_to = Frame("Copy(float[], int, nint, int)");
    static readonly int s_copy_float_from = Frame("Copy(nint, float[], int, int)");
    static readonly int s_copy_double_to = Frame("Copy(double[], int, nint, int)");
    static readonly int s_copy_double_from = Frame("Copy(nint, double[], int, int)");
    static readonly int s_copy_byte_to = Frame("Copy(byte[], int, nint, int)");
    static readonly int s_copy_byte_from = Frame("Copy(nint, byte[], int, int)");
    static readonly int s_copy_nint_to = Frame("Copy(nint[], int, nint, int)");
    static readonly int s_copy_nint_from = Frame("Copy(nint, nint[], int, int)");
    static readonly int s_readByte1 = Frame("ReadByte(nint)");
    static readonly int s_readByte2 = Frame("ReadByte(nint, int)");
    static readonly int s_writeByte1 = Frame("WriteByte(nint, byte)");
    static readonly int s_writeByte2 = Frame("WriteByte(nint, int, byte)");
    static readonly int s_readInt161 = Frame("ReadInt16(nint)");
    static readonly int s_readInt162 = Frame("ReadInt16(nint, int)");
    static readonly int s_writeInt161 = Frame("WriteInt16(nint, short)");
    static readonly int s_writeInt162 = Frame("WriteInt16(nint, int, short)");
    static readonly int s_readInt321 = Frame("ReadInt32(nint)");
    static readonly int s_readInt322 = Frame("ReadInt32(nint, int)");
    static readonly int s_writeInt321 = Frame("WriteInt32(nint, int)");
    static readonly int s_writeInt322 = Frame("WriteInt32(nint, int, int)");
    static readonly int s_readInt641 = Frame("ReadInt64(nint)");
    static readonly int s_readInt642 = Frame("ReadInt64(nint, int)");
    static readonly int s_writeInt641 = Frame("WriteInt64(nint, long)");
    static readonly int s_writeInt642 = Frame("WriteInt64(nint, int, long)");
    static readonly int s_readIntPtr1 = Frame("ReadIntPtr(nint)");
    static readonly int s_readIntPtr2 = Frame("ReadIntPtr(nint, int)");
    static readonly int s_writeIntPtr1 = Frame("WriteIntPtr(nint, nint)");
    static readonly int s_writeIntPtr2 = Frame("WriteIntPtr(nint, int, nint)");
    static readonly int s_writeInt16Char1 = Frame("WriteInt16(nint, char)");
    static readonly int s_writeInt16Char2 = Frame("WriteInt16(nint, int, char)");
    static readonly int s_PtrToStringAnsi1 = Frame("PtrToStringAnsi(nint)");
    static readonly int s_PtrToStringAnsi2 = Frame("PtrToStringAnsi(nint, int)");
    static readonly int s_PtrToStringUTF81 = Frame("PtrToStringUTF8(nint)");
    static readonly int s_PtrToStringUTF82 = Frame("PtrToStringUTF8(nint, int)");
    static readonly int s_PtrToStringUni1 = Frame("PtrToStringUni(nint)");
    static readonly int s_PtrToStringUni2 = Frame("PtrToStringUni(nint, int)");
    static readonly int s_PtrToStringAuto1 = Frame("PtrToStringAuto(nint)");
    static readonly int s_PtrToStringAuto2 = Frame("PtrToStringAuto(nint, int)");
    static readonly int s_ptrToStructureType = Frame("PtrToStructure(nint, Type)");
    static readonly int s_ptrToStructureObject = Frame("PtrToStructure(nint, object)");
    static readonly int s_ptrToStructureT = Frame("PtrToStructure<T>(nint)");
    static readonly int s_ptrToStructureTInto = Frame("PtrToStructure<T>(nint, T)");
    static readonly int s_structureToPtr = Frame("StructureToPtr(object, nint, bool)");
    static readonly int s_structureToPtrT = Frame("StructureToPtr<T>(T, nint, bool)");

    static void Check(void* p, nuint size, bool isWrite, int frame) => AddressSanitizer.CheckRange(p, size, isWrite, frame);

    [Intercepts(Target, "Copy")]
    public static void Copy(int[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)Math.Max(length, 0) * (nuint)sizeof(int), true, s_copy_int_to);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, int[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)Math.Max(length, 0) * (nuint)sizeof(int), false, s_copy_int_from);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(char[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)Math.Max(length, 0) * (nuint)sizeof(char), true, s_copy_char_to);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, char[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)Math.Max(length, 0) * (nuint)sizeof(char), false, s_copy_char_from);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(short[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)Math.Max(length, 0) * (nuint)sizeof(short), true, s_copy_short_to);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, short[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)Math.Max(length, 0) * (nuint)sizeof(short), false, s_copy_short_from);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(long[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)Math.Max(length, 0) * (nuint)sizeof(long), true, s_copy_long_to);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, long[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)Math.Max(length, 0) * (nuint)sizeof(long), false, s_copy_long_from);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(float[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)Math.Max(length, 0) * (nuint)sizeof(float), true, s_copy_float_to);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, float[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)Math.Max(length, 0) * (nuint)sizeof(float), false, s_copy_float_from);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(double[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)Math.Max(length, 0) * (nuint)sizeof(double), true, s_copy_double_to);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, double[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)Math.Max(length, 0) * (nuint)sizeof(double), false, s_copy_double_from);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(byte[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)Math.Max(length, 0) * (nuint)sizeof(byte), true, s_copy_byte_to);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, byte[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)Math.Max(length, 0) * (nuint)sizeof(byte), false, s_copy_byte_from);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint[] source, int startIndex, nint destination, int length)
    {
        Check((void*)destination, (nuint)Math.Max(length, 0) * (nuint)sizeof(nint), true, s_copy_nint_to);
        Marshal.Copy(source, startIndex, destination, length);
    }

    [Intercepts(Target, "Copy")]
    public static void Copy(nint source, nint[] destination, int startIndex, int length)
    {
        Check((void*)source, (nuint)Math.Max(length, 0) * (nuint)sizeof(nint), false, s_copy_nint_from);
        Marshal.Copy(source, destination, startIndex, length);
    }

    [Intercepts(Target, "ReadByte")]
    public static byte ReadByte(nint ptr)
    {
        Check((void*)ptr, 1, false, s_readByte1);
        return Marshal.ReadByte(ptr);
    }

    [Intercepts(Target, "ReadByte")]
    public static byte ReadByte(nint ptr, int ofs)
    {
        Check((void*)(ptr + ofs), 1, false, s_readByte2);
        return Marshal.ReadByte(ptr, ofs);
    }

    [Intercepts(Target, "WriteByte")]
    public static void WriteByte(nint ptr, byte val)
    {
        Check((void*)ptr, 1, true, s_writeByte1);
        Marshal.WriteByte(ptr, val);
    }

    [Intercepts(Target, "WriteByte")]
    public static void WriteByte(nint ptr, int ofs, byte val)
    {
        Check((void*)(ptr + ofs), 1, true, s_writeByte2);
        Marshal.WriteByte(ptr, ofs, val);
    }

    [Intercepts(Target, "ReadInt16")]
    public static short ReadInt16(nint ptr)
    {
        Check((void*)ptr, 2, false, s_readInt161);
        return Marshal.ReadInt16(ptr);
    }

    [Intercepts(Target, "ReadInt16")]
    public static short ReadInt16(nint ptr, int ofs)
    {
        Check((void*)(ptr + ofs), 2, false, s_readInt162);
        return Marshal.ReadInt16(ptr, ofs);
    }

    [Intercepts(Target, "WriteInt16")]
    public static void WriteInt16(nint ptr, short val)
    {
        Check((void*)ptr, 2, true, s_writeInt161);
        Marshal.WriteInt16(ptr, val);
    }

    [Intercepts(Target, "WriteInt16")]
    public static void WriteInt16(nint ptr, int ofs, short val)
    {
        Check((void*)(ptr + ofs), 2, true, s_writeInt162);
        Marshal.WriteInt16(ptr, ofs, val);
    }

    [Intercepts(Target, "ReadInt32")]
    public static int ReadInt32(nint ptr)
    {
        Check((void*)ptr, 4, false, s_readInt321);
        return Marshal.ReadInt32(ptr);
    }

    [Intercepts(Target, "ReadInt32")]
    public static int ReadInt32(nint ptr, int ofs)
    {
        Check((void*)(ptr + ofs), 4, false, s_readInt322);
        return Marshal.ReadInt32(ptr, ofs);
    }

    [Intercepts(Target, "WriteInt32")]
    public static void WriteInt32(nint ptr, int val)
    {
        Check((void*)ptr, 4, true, s_writeInt321);
        Marshal.WriteInt32(ptr, val);
    }

    [Intercepts(Target, "WriteInt32")]
    public static void WriteInt32(nint ptr, int ofs, int val)
    {
        Check((void*)(ptr + ofs), 4, true, s_writeInt322);
        Marshal.WriteInt32(ptr, ofs, val);
    }

    [Intercepts(Target, "ReadInt64")]
    public static long ReadInt64(nint ptr)
    {
        Check((void*)ptr, 8, false, s_readInt641);
        return Marshal.ReadInt64(ptr);
    }

    [Intercepts(Target, "ReadInt64")]
    public static long ReadInt64(nint ptr, int ofs)
    {
        Check((void*)(ptr + ofs), 8, false, s_readInt642);
        return Marshal.ReadInt64(ptr, ofs);
    }

    [Intercepts(Target, "WriteInt64")]
    public static void WriteInt64(nint ptr, long val)
    {
        Check((void*)ptr, 8, true, s_writeInt641);
        Marshal.WriteInt64(ptr, val);
    }

    [Intercepts(Target, "WriteInt64")]
    public static void WriteInt64(nint ptr, int ofs, long val)
    {
        Check((void*)(ptr + ofs), 8, true, s_writeInt642);
        Marshal.WriteInt64(ptr, ofs, val);
    }

    [Intercepts(Target, "ReadIntPtr")]
    public static nint ReadIntPtr(nint ptr)
    {
        Check((void*)ptr, 8, false, s_readIntPtr1);
        return Marshal.ReadIntPtr(ptr);
    }

    [Intercepts(Target, "ReadIntPtr")]
    public static nint ReadIntPtr(nint ptr, int ofs)
    {
        Check((void*)(ptr + ofs), 8, false, s_readIntPtr2);
        return Marshal.ReadIntPtr(ptr, ofs);
    }

    [Intercepts(Target, "WriteIntPtr")]
    public static void WriteIntPtr(nint ptr, nint val)
    {
        Check((void*)ptr, 8, true, s_writeIntPtr1);
        Marshal.WriteIntPtr(ptr, val);
    }

    [Intercepts(Target, "WriteIntPtr")]
    public static void WriteIntPtr(nint ptr, int ofs, nint val)
    {
        Check((void*)(ptr + ofs), 8, true, s_writeIntPtr2);
        Marshal.WriteIntPtr(ptr, ofs, val);
    }

    [Intercepts(Target, "WriteInt16")]
    public static void WriteInt16(nint ptr, char val)
    {
        Check((void*)ptr, 2, true, s_writeInt16Char1);
        Marshal.WriteInt16(ptr, val);
    }

    [Intercepts(Target, "WriteInt16")]
    public static void WriteInt16(nint ptr, int ofs, char val)
    {
        Check((void*)(ptr + ofs), 2, true, s_writeInt16Char2);
        Marshal.WriteInt16(ptr, ofs, val);
    }

    [Intercepts(Target, "PtrToStringAnsi")]
    public static string? PtrToStringAnsi(nint ptr)
    {
        CheckTerminated(ptr, 1, s_PtrToStringAnsi1);
        return Marshal.PtrToStringAnsi(ptr);
    }

    [Intercepts(Target, "PtrToStringAnsi")]
    public static string PtrToStringAnsi(nint ptr, int len)
    {
        Check((void*)ptr, (nuint)Math.Max(len, 0) * 1, false, s_PtrToStringAnsi2);
        return Marshal.PtrToStringAnsi(ptr, len);
    }

    [Intercepts(Target, "PtrToStringUTF8")]
    public static string? PtrToStringUTF8(nint ptr)
    {
        CheckTerminated(ptr, 1, s_PtrToStringUTF81);
        return Marshal.PtrToStringUTF8(ptr);
    }

    [Intercepts(Target, "PtrToStringUTF8")]
    public static string PtrToStringUTF8(nint ptr, int byteLen)
    {
        Check((void*)ptr, (nuint)Math.Max(byteLen, 0) * 1, false, s_PtrToStringUTF82);
        return Marshal.PtrToStringUTF8(ptr, byteLen);
    }

    [Intercepts(Target, "PtrToStringUni")]
    public static string? PtrToStringUni(nint ptr)
    {
        CheckTerminated(ptr, 2, s_PtrToStringUni1);
        return Marshal.PtrToStringUni(ptr);
    }

    [Intercepts(Target, "PtrToStringUni")]
    public static string PtrToStringUni(nint ptr, int len)
    {
        Check((void*)ptr, (nuint)Math.Max(len, 0) * 2, false, s_PtrToStringUni2);
        return Marshal.PtrToStringUni(ptr, len);
    }

    [Intercepts(Target, "PtrToStringAuto")]
    public static string? PtrToStringAuto(nint ptr)
    {
        CheckTerminated(ptr, 1, s_PtrToStringAuto1);
        return Marshal.PtrToStringAuto(ptr);
    }

    [Intercepts(Target, "PtrToStringAuto")]
    public static string? PtrToStringAuto(nint ptr, int len)
    {
        Check((void*)ptr, (nuint)Math.Max(len, 0) * 1, false, s_PtrToStringAuto2);
        return Marshal.PtrToStringAuto(ptr, len);
    }

    [Intercepts(Target, "PtrToStructure")]
    public static object? PtrToStructure(nint ptr, Type structureType)
    {
        if (ptr != 0) Check((void*)ptr, (nuint)Marshal.SizeOf(structureType), false, s_ptrToStructureType);
        return Marshal.PtrToStructure(ptr, structureType);
    }

    [Intercepts(Target, "PtrToStructure")]
    public static void PtrToStructure(nint ptr, object structure)
    {
        if (ptr != 0) Check((void*)ptr, (nuint)Marshal.SizeOf(structure), false, s_ptrToStructureObject);
        Marshal.PtrToStructure(ptr, structure);
    }

    [Intercepts(Target, "PtrToStructure")]
    public static T? PtrToStructure<T>(nint ptr)
    {
        if (ptr != 0) Check((void*)ptr, (nuint)Marshal.SizeOf<T>(), false, s_ptrToStructureT);
        return Marshal.PtrToStructure<T>(ptr);
    }

    [Intercepts(Target, "PtrToStructure")]
    public static void PtrToStructure<T>(nint ptr, [System.Diagnostics.CodeAnalysis.DisallowNull] T structure)
    {
        if (ptr != 0) Check((void*)ptr, (nuint)Marshal.SizeOf<T>(), false, s_ptrToStructureTInto);
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
        Check((void*)ptr, (nuint)Marshal.SizeOf<T>(), true, s_structureToPtrT);
        Marshal.StructureToPtr(structure, ptr, fDeleteOld);
    }

    /// <summary>Like ASan's strlen interceptor: the read runs up to and including the terminator.</summary>
    internal static void CheckTerminated(nint ptr, int charSize, int frame)
    {
        if (ptr == 0) return;
        for (nuint i = 0; ; i += (nuint)charSize)
        {
            nuint a = (nuint)ptr + i;
            if (!ShadowMemory.IsByteAddressable(a) || (charSize == 2 && !ShadowMemory.IsByteAddressable(a + 1)))
            {
                Check((void*)ptr, i + (nuint)charSize, false, frame);
                return;
            }
            if (charSize == 1 ? *(byte*)a == 0 : *(char*)a == 0) return;
        }
    }
}
