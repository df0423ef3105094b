using System.Runtime.InteropServices;

namespace Demo;

// A checksum routine with an off-by-one loop bound: it reads one int past the end of its buffer.
// Without SharpSan this prints a (wrong) number and exits 0.
public static unsafe class Parser
{
    public static int Sum(int* values, int count)
    {
        int sum = 0;
        for (int i = 0; i <= count; i++)   // BUG: should be i < count
            sum += values[i];
        return sum;
    }
}

public static unsafe class Program
{
    public static int Main()
    {
        int count = 4;
        int* values = (int*)NativeMemory.Alloc((nuint)(count * sizeof(int)));
        for (int i = 0; i < count; i++) values[i] = i + 1;
        Console.WriteLine($"sum = {Parser.Sum(values, count)}");
        NativeMemory.Free(values);
        return 0;
    }
}
