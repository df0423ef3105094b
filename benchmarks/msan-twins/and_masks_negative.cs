// twin of Cases/Memory/AndWithConstantDefinesNoReport.cs: and/or with constants define the bits used
unsafe static class AndMasksNegative
{
    public static void Run()
    {
        uint* p = (uint*)NativeMemory.Alloc(4);
        *(byte*)p = 0x5A;                    // only the low byte is written
        uint low = *p & 0xFF;                // the undefined bits are masked away
        if (low == 0x5A) Console.WriteLine("low byte ok");
        uint high = (*p | 0xFFFFFF00) & 0x0F;
        if (high == 0x0A) Console.WriteLine("nibble ok");
        NativeMemory.Free(p);
    }
}
