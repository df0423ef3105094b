// twin of Cases/Memory/ReadAfterFree.cs: freed memory is poisoned (MSan's poison_in_free)
unsafe static class ReadAfterFree
{
    public static void Run()
    {
        int* p = (int*)NativeMemory.Alloc(32);
        for (int i = 0; i < 8; i++) p[i] = i;
        NativeMemory.Free(p);

        if (p[3] == 3) // USE
            Console.WriteLine("stale");
    }
}
