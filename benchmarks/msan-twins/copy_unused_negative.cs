// twin of Cases/Memory/CopyUninitializedNeverUsedNoReport.cs: uninitialised bytes copied around, never used
unsafe static class CopyUnusedNegative
{
    [SkipLocalsInit]
    public static void Run()
    {
        byte* a = (byte*)NativeMemory.Alloc(64);
        byte* b = (byte*)NativeMemory.Alloc(64);
        byte* stackbuf = stackalloc byte[64];
        a[0] = 7;
        Buffer.MemoryCopy(a, b, 64, 64);
        Buffer.MemoryCopy(b, stackbuf, 64, 64);
        Buffer.MemoryCopy(stackbuf, a + 1, 32, 32);
        if (b[0] == 7) Console.WriteLine("first byte ok");
        NativeMemory.Free(a); NativeMemory.Free(b);
    }
}
