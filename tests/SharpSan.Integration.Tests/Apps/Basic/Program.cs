// `Basic.dll` -> sums a native buffer correctly and exits 0.
// `Basic.dll overflow` -> reads one int past the end of a 16-byte NativeMemory block (line marked BUG-LINE).
// If <app folder>/data/message.txt exists (a content file, like appsettings or wwwroot), it is printed too.
using System.Runtime.InteropServices;

namespace BasicApp;

public static unsafe class Program
{
    public static int Main(string[] args)
    {
        int count = 4;
        int* data = (int*)NativeMemory.Alloc((nuint)(count * sizeof(int))); // ALLOC-LINE
        for (int i = 0; i < count; i++) data[i] = (i + 1) * 10;
        int end = args.Contains("overflow") ? count + 1 : count;
        int sum = Sum(data, end);
        NativeMemory.Free(data);
#if CHANGED
        Console.WriteLine($"basic: variant B, sum={sum}");
#else
        Console.WriteLine($"basic: sum={sum}");
#endif
        string message = Path.Combine(AppContext.BaseDirectory, "data", "message.txt");
        if (File.Exists(message)) Console.WriteLine($"basic: message={File.ReadAllText(message).Trim()}");
        return 0;
    }

    static int Sum(int* p, int n)
    {
        int total = 0;
        for (int i = 0; i < n; i++) total += p[i]; // BUG-LINE: reads p[n - 1] past the block when n is too big
        return total;
    }
}
