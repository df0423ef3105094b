// twin of Cases/Memory/AndWithConstantKeepsUndefinedBits.cs: masking keeps never-written bits
unsafe static class AndKeepsBits
{
    public static void Run()
    {
        uint* p = (uint*)NativeMemory.Alloc(4);
        *(byte*)p = 0x5A;          // only the low byte is written
        uint mid = *p & 0xFF00;    // bits 8..15 were never written
        if (mid == 0) // USE
            Console.WriteLine("zero");
    }
}
