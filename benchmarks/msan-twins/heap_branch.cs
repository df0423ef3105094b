// twin of Cases/Memory/HeapBranch.cs: a NativeMemory.Alloc'd int read in a branch
unsafe static class HeapBranch
{
    public static void Run()
    {
        int* p = (int*)NativeMemory.Alloc(16);
        p[0] = 1;
        if (p[1] > 0) // USE
            Console.WriteLine("positive");
        Console.WriteLine("done");
        NativeMemory.Free(p);
    }
}
