// twin of Cases/Memory/NethermindStackBufferToNative.cs: a partly filled stackalloc buffer passed to write(2)
unsafe static class WriteStack
{
    [DllImport("libc", EntryPoint = "write")]
    static extern nint Write(int fd, byte* buffer, nuint count);
    [SkipLocalsInit]
    static void Emit(int value)
    {
        byte* buffer = stackalloc byte[16];
        int n = 0;
        do { buffer[n++] = (byte)('0' + value % 10); value /= 10; } while (value > 0);
        buffer[n] = (byte)'\n';
        Write(1, buffer, 16); // USE
    }
    public static void Run() => Emit(42);
}
