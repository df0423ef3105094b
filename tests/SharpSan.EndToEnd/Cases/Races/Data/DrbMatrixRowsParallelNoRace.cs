// Parallel.For over the rows of a double[,] and an int[,,]: each iteration writes only its own row, reads a shared
// read-only input matrix, and the main thread sums everything after the join. Disjoint elements: no race.
using System;
using System.Threading.Tasks;

namespace Demo;

static class Program
{
    static void Main()
    {
        const int rows = 8, cols = 16;
        var input = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                input[i, j] = i + j;
        var output = new double[rows, cols];
        var cube = new int[rows, 2, 2];
        Parallel.For(0, rows, i =>
        {
            for (int j = 0; j < cols; j++) output[i, j] = input[i, j] * 2 + input[(i + 1) % rows, j];
            cube[i, 1, 1] += i;
        });
        double sum = 0;
        foreach (double v in output) sum += v;
        int cubeSum = 0;
        for (int i = 0; i < rows; i++) cubeSum += cube[i, 1, 1];
        Console.WriteLine($"sum {sum} cube {cubeSum}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 4224 cube 28
// CHECK-NOT: ThreadSanitizer
