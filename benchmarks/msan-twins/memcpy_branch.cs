// twin of Cases/Memory/MemoryCopyPropagates.cs: half-written bytes copied by Buffer.MemoryCopy, then branched on
unsafe static class MemcpyBranch
{
    public static void Run()
    {
        byte* source = (byte*)NativeMemory.Alloc(32);
        byte* target = (byte*)NativeMemory.AllocZeroed(32);
        for (int i = 0; i < 16; i++) source[i] = (byte)i;
        Buffer.MemoryCopy(source, target, 32, 32);
        int sum = 0;
        for (int i = 0; i < 32; i++)
            if (target[i] != 0) sum++; // USE
        Console.WriteLine(sum);
    }
}
