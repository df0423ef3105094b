namespace Frames;

/// <summary>Hex text of up to 16 bytes, built in a stack buffer that has no room for the terminator of the longest input.</summary>
public static unsafe class Hex
{
    static ReadOnlySpan<byte> Digits => "0123456789abcdef"u8;

    public static string Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 16) throw new ArgumentException("at most 16 bytes", nameof(bytes));
        byte* text = stackalloc byte[32];
        int n = 0;
        foreach (byte b in bytes)
        {
            text[n++] = Digits[b >> 4];
            text[n++] = Digits[b & 15];
        }
        text[n] = 0; // BUG-STACK-OVERFLOW: 16 bytes fill all 32 and the terminator lands past the end
        return new string((sbyte*)text);
    }
}
