// twin of Cases/Memory/StackAllocSkipLocalsInit.cs: [SkipLocalsInit] stackalloc, 7 of 8 elements written
unsafe static class StackArray
{
    [SkipLocalsInit]
    static int Sum()
    {
        int* buffer = stackalloc int[8];
        for (int i = 0; i < 7; i++) buffer[i] = i;
        int total = 0;
        for (int i = 0; i < 8; i++)
            if (buffer[i] > 2) total += buffer[i]; // USE
        return total;
    }
    public static void Run() => Console.WriteLine(Sum());
}
