// twin of Cases/Memory/ArrayIndexUninitialized.cs: an uninitialised value used as an index
unsafe static class IndexUse
{
    static readonly string[] Names = ["zero", "one", "two", "three"];
    [MethodImpl(MethodImplOptions.NoInlining)]
    static string Lookup(int* indices, int k)
        => Names[indices[k]]; // USE
    public static void Run()
    {
        int* indices = (int*)NativeMemory.Alloc(16);
        indices[0] = 1;
        Console.WriteLine(Lookup(indices, 0));
        Console.WriteLine(Lookup(indices, 1));
    }
}
