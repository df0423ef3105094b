// The caller fills objects, a PLINQ ForAll updates each element's own fields on pool threads (reading a table the
// caller wrote before the query), and the caller reads them back after ForAll returns; Where/Sum and Aggregate over
// the same objects read what ForAll wrote. Fork and join order each step: no report.
using System;
using System.Linq;

namespace Demo;

sealed class Cell { public int Input; public int Output; }

static class Program
{
    static void Main()
    {
        var weights = new int[16];
        for (int i = 0; i < weights.Length; i++) weights[i] = i + 1;
        var cells = new Cell[4000];
        for (int i = 0; i < cells.Length; i++) cells[i] = new Cell { Input = i };

        cells.AsParallel().WithDegreeOfParallelism(2).ForAll(cell => cell.Output = cell.Input * weights[cell.Input % 16]);

        long direct = 0;
        foreach (var cell in cells) direct += cell.Output;
        long viaQuery = cells.AsParallel().Where(cell => cell.Output % 2 == 0).Sum(cell => (long)cell.Output);
        int largest = cells.AsParallel().Select(cell => cell.Output).Aggregate((a, b) => Math.Max(a, b));
        Console.WriteLine($"direct {direct} even {viaQuery} largest {largest}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: direct 68068000 even 68068000 largest 63984
// CHECK-NOT: ThreadSanitizer
