// Enum element types: an enum array rented and used up to its Length; an int array from the pool seen as an enum
// array and as a uint array (the CLR allows these casts between same-size integer and enum arrays), whose Length
// read through the other element type still claims the whole array.
using System;
using System.Buffers;

enum Color : byte { Red, Green, Blue }
enum Level { Low, High }

static class Program
{
    static void Main()
    {
        Color[] colors = ArrayPool<Color>.Shared.Rent(3);
        for (int i = 0; i < colors.Length; i++) colors[i] = (Color)(i % 3);
        int blue = 0;
        foreach (var c in colors) if (c == Color.Blue) blue++;
        ArrayPool<Color>.Shared.Return(colors);

        int[] raw = ArrayPool<int>.Shared.Rent(3);
        var levels = (Level[])(object)raw;
        for (int i = 0; i < levels.Length; i++) levels[i] = Level.High;
        var unsigned = (uint[])(object)raw;
        uint sum = 0;
        for (int i = 0; i < unsigned.Length; i++) sum += unsigned[i];
        ArrayPool<int>.Shared.Return(raw);
        Console.WriteLine($"blue={blue} sum={sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: blue=5 sum=16
// CHECK-NOT: ERROR:
