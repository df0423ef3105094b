// Ordinary (non-pooled) arrays of every unmanaged element kind accessed heavily: element loads and stores,
// compound assignments, structs, enums, multi-level jagged arrays, pointers from fixed. Their shadow is clean.
using System;

enum Color : byte { Red, Green, Blue }
struct Vec { public double X, Y; }

static class Program
{
    static unsafe void Main()
    {
        const int N = 1000;
        var bytes = new byte[N]; var sbytes = new sbyte[N]; var shorts = new short[N]; var chars = new char[N];
        var ints = new int[N]; var uints = new uint[N]; var longs = new long[N]; var floats = new float[N];
        var doubles = new double[N]; var bools = new bool[N]; var colors = new Color[N]; var vecs = new Vec[N];
        var ptrs = new nint[N]; var jagged = new int[10][];
        for (int j = 0; j < 10; j++) jagged[j] = new int[N];
        double acc = 0;
        for (int round = 0; round < 50; round++)
        {
            for (int i = 0; i < N; i++)
            {
                bytes[i] = (byte)i; sbytes[i] = (sbyte)i; shorts[i] = (short)i; chars[i] = (char)i;
                ints[i] += i; uints[i] = (uint)i; longs[i] += i; floats[i] = i; doubles[i] *= 0.5;
                bools[i] = !bools[i]; colors[i] = (Color)(i % 3); vecs[i].X += 1; vecs[i] = new Vec { X = vecs[i].X, Y = i };
                ptrs[i] = i; jagged[i % 10][i] ^= i;
            }
            fixed (int* p = ints) for (int i = 0; i < N; i++) acc += p[i];
            for (int i = 0; i < N; i++)
                acc += bytes[i] + sbytes[i] + shorts[i] + chars[i] + uints[i] + longs[i] + floats[i] + doubles[i]
                    + (bools[i] ? 1 : 0) + (int)colors[i] + vecs[i].Y + ptrs[i] + jagged[i % 10][i];
        }
        Console.WriteLine($"acc={acc > 0}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: acc=True
// CHECK-NOT: ERROR:
