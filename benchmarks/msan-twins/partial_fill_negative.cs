// twin of Cases/Memory/PartiallyFilledBufferNoReport.cs: only the written part of a buffer is used
unsafe static class PartialFillNegative
{
    [DllImport("libc", EntryPoint = "write")]
    static extern nint Write(int fd, byte* buffer, nuint count);
    static int Fill(byte* buffer, int capacity)
    {
        string text = "hello";
        int n = Math.Min(text.Length, capacity);
        for (int i = 0; i < n; i++) buffer[i] = (byte)text[i];
        return n;
    }
    public static void Run()
    {
        byte* buffer = (byte*)NativeMemory.Alloc(256);
        int length = Fill(buffer, 256);
        int vowels = 0;
        for (int i = 0; i < length; i++)
            if (buffer[i] is (byte)'e' or (byte)'o') vowels++;
        Write(1, buffer, (nuint)length);
        Console.WriteLine($"\n{vowels} vowels");
        NativeMemory.Free(buffer);
    }
}
