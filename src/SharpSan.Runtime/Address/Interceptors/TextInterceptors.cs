using System.Text;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>Strings and encodings built from or written to pointers: <c>new string(char*)</c>, <c>Encoding.GetString(byte*, int)</c>, …</summary>
public static unsafe class TextInterceptors
{
    static int Frame(string signature) => SyntheticFrames.Register(signature);

    static readonly int s_stringChar = Frame("System.String..ctor(char*)");
    static readonly int s_stringCharRange = Frame("System.String..ctor(char*, int, int)");
    static readonly int s_stringSByte = Frame("System.String..ctor(sbyte*)");
    static readonly int s_stringSByteRange = Frame("System.String..ctor(sbyte*, int, int)");
    static readonly int s_stringSByteEncoding = Frame("System.String..ctor(sbyte*, int, int, System.Text.Encoding)");
    static readonly int s_getString = Frame("System.Text.Encoding.GetString(byte*, int)");
    static readonly int s_getCharCount = Frame("System.Text.Encoding.GetCharCount(byte*, int)");
    static readonly int s_getChars = Frame("System.Text.Encoding.GetChars(byte*, int, char*, int)");
    static readonly int s_getByteCount = Frame("System.Text.Encoding.GetByteCount(char*, int)");
    static readonly int s_getBytes = Frame("System.Text.Encoding.GetBytes(char*, int, byte*, int)");

    static void Read(void* p, long bytes, int frame) { if (bytes > 0) AddressSanitizer.CheckRange(p, (nuint)bytes, false, frame); }
    static void Write(void* p, long bytes, int frame) { if (bytes > 0) AddressSanitizer.CheckRange(p, (nuint)bytes, true, frame); }

    [Intercepts("System.String", ".ctor")]
    public static string NewString(char* value)
    {
        MarshalAccessInterceptors.CheckTerminated((nint)value, 2, s_stringChar);
        return new string(value);
    }

    [Intercepts("System.String", ".ctor")]
    public static string NewString(char* value, int startIndex, int length)
    {
        Read(value + startIndex, (long)length * 2, s_stringCharRange);
        return new string(value, startIndex, length);
    }

    [Intercepts("System.String", ".ctor")]
    public static string NewString(sbyte* value)
    {
        MarshalAccessInterceptors.CheckTerminated((nint)value, 1, s_stringSByte);
        return new string(value);
    }

    [Intercepts("System.String", ".ctor")]
    public static string NewString(sbyte* value, int startIndex, int length)
    {
        Read(value + startIndex, length, s_stringSByteRange);
        return new string(value, startIndex, length);
    }

    [Intercepts("System.String", ".ctor")]
    public static string NewString(sbyte* value, int startIndex, int length, Encoding enc)
    {
        Read(value + startIndex, length, s_stringSByteEncoding);
        return new string(value, startIndex, length, enc);
    }

    [Intercepts("System.Text.Encoding", "GetString", Instance = true)]
    public static string GetString(Encoding encoding, byte* bytes, int byteCount)
    {
        Read(bytes, byteCount, s_getString);
        return encoding.GetString(bytes, byteCount);
    }

    [Intercepts("System.Text.Encoding", "GetCharCount", Instance = true)]
    public static int GetCharCount(Encoding encoding, byte* bytes, int count)
    {
        Read(bytes, count, s_getCharCount);
        return encoding.GetCharCount(bytes, count);
    }

    [Intercepts("System.Text.Encoding", "GetChars", Instance = true)]
    public static int GetChars(Encoding encoding, byte* bytes, int byteCount, char* chars, int charCount)
    {
        Read(bytes, byteCount, s_getChars);
        int written = encoding.GetChars(bytes, byteCount, chars, charCount);
        Write(chars, (long)charCount * 2, s_getChars);
        return written;
    }

    [Intercepts("System.Text.Encoding", "GetByteCount", Instance = true)]
    public static int GetByteCount(Encoding encoding, char* chars, int count)
    {
        Read(chars, (long)count * 2, s_getByteCount);
        return encoding.GetByteCount(chars, count);
    }

    [Intercepts("System.Text.Encoding", "GetBytes", Instance = true)]
    public static int GetBytes(Encoding encoding, char* chars, int charCount, byte* bytes, int byteCount)
    {
        Read(chars, (long)charCount * 2, s_getBytes);
        Write(bytes, byteCount, s_getBytes);
        return encoding.GetBytes(chars, charCount, bytes, byteCount);
    }
}
