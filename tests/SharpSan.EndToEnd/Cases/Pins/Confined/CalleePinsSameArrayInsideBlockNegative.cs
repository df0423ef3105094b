// A `fixed` block whose pointer never leaves it calls a helper that pins the same array, lets its pointer escape
// into a field and unpins it: the helper's unpin poisons the array while the outer block still holds it pinned.
// The outer block's later accesses go through its own pin and must not be reported. No report.
using System;

static unsafe class Program
{
    static int* s_escaped;

    static void Helper(int[] values)
    {
        fixed (int* p = values) s_escaped = p + 1;
    }

    static int Sum(int[] values)
    {
        int sum = 0;
        fixed (int* q = values)
        {
            sum += q[0];
            Helper(values);
            for (int i = 0; i < values.Length; i++) sum += q[i];
        }
        return sum;
    }

    static void Main()
    {
        var values = new[] { 1, 2, 3, 4, 5 };
        int total = 0;
        for (int round = 0; round < 100; round++) total += Sum(values);
        Console.WriteLine($"total {total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total 1600
// CHECK-NOT: ERROR:
