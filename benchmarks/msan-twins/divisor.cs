// twin of Cases/Memory/DivisorUninitialized.cs: an uninitialised divisor
unsafe static class Divisor
{
    public static void Run()
    {
        int* p = (int*)NativeMemory.Alloc(8);
        p[0] = 100;
        int quotient = p[0] / (p[1] | 1); // USE
        Console.WriteLine(quotient > 0 ? "positive" : "other");
    }
}
