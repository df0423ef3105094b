// twin of Cases/Memory/ArithmeticPropagation.cs: shifts, subtraction, xor, conversions, then a branch (d > 3 as in the C twin)
unsafe static class Arithmetic
{
    public static void Run()
    {
        short* p = (short*)NativeMemory.Alloc(8);
        p[0] = 4;
        int a = p[1];
        long b = (a << 2) - 7;
        long c = b ^ 0x55;
        int d = (int)(c >> 1);
        if (d > 3) // USE
            Console.WriteLine("above three");
    }
}
