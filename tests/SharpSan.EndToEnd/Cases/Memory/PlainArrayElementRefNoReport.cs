using System;

// Values that come from managed memory cost nothing and report nothing: compound assignments to elements of plain
// arrays (`c[i] += …`), an element read through `ref`, a field of a class and a static field updated through their
// addresses. None of these addresses has native shadow behind it; none is a report.
class Counter
{
    public int Count;
    public long Total;
}

class Program
{
    static long s_seen;

    static void Main()
    {
        var a = new double[16];
        var c = new double[16];
        for (int i = 0; i < 16; i++) a[i] = i * 0.5;
        for (int rep = 0; rep < 3; rep++)
            for (int i = 0; i < 16; i++) c[i] += a[i] * 2.0;
        var counter = new Counter();
        int positive = 0;
        for (int i = 0; i < 16; i++)
        {
            ref double value = ref c[i];
            if (value > 1.0) positive++;
            counter.Count += 1;
            counter.Total += (long)value;
            s_seen += i;
        }
        if (counter.Count == 16 && counter.Total > 0 && s_seen > 0) Console.WriteLine($"positive {positive} total {counter.Total} seen {s_seen}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: positive 15 total 360 seen 120
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
