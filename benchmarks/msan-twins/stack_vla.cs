// stackalloc with a run-time size under [SkipLocalsInit] <-> a C99 VLA; only the first half is written
unsafe static class StackVla
{
    static volatile int NElements = 16;
    [SkipLocalsInit]
    static int Count(int n)
    {
        byte* vla = stackalloc byte[n];
        for (int i = 0; i < n / 2; i++) vla[i] = (byte)i;
        int hits = 0;
        for (int i = 0; i < n; i++)
            if (vla[i] == 3) hits++; // USE
        return hits;
    }
    public static void Run() => Console.WriteLine(Count(NElements));
}
