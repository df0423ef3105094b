// twin of Cases/Memory/ReallocGrownPart.cs: the grown part of a NativeMemory.Realloc
unsafe static class ReallocGrown
{
    public static void Run()
    {
        int* p = (int*)NativeMemory.Alloc(4 * sizeof(int));
        for (int i = 0; i < 4; i++) p[i] = i + 1;
        p = (int*)NativeMemory.Realloc(p, 64 * sizeof(int));
        int kept = 0;
        for (int i = 0; i < 4; i++)
            if (p[i] > 0) kept++;
        Console.WriteLine($"kept {kept}");
        if (p[10] > 0) Console.WriteLine("grown"); // USE
        NativeMemory.Free(p);
    }
}
