// twin of Cases/Memory/AllocZeroedNoReport.cs / HeapDefinedNoReport.cs: AllocZeroed and fully written memory
unsafe static class ZeroedNegative
{
    public static void Run()
    {
        int* z = (int*)NativeMemory.AllocZeroed(8 * sizeof(int));
        int* w = (int*)NativeMemory.Alloc(8 * sizeof(int));
        for (int i = 0; i < 8; i++) w[i] = i * i;
        int hits = 0;
        for (int i = 0; i < 8; i++)
            if (z[i] == 0 && w[i] > 3) hits++;
        Console.WriteLine(hits);
        NativeMemory.Free(z); NativeMemory.Free(w);
    }
}
