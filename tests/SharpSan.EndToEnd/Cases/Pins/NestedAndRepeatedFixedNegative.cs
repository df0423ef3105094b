// Nested and repeated `fixed` on the same array: the inner block ends while the outer pin still holds, the same
// array is pinned again in a loop and through element references; every pointer is used inside a live pin.
// No report.
using System;

static unsafe class Program
{
    static int Nested(byte[] data)
    {
        int sum = 0;
        fixed (byte* outer = data)
        {
            fixed (byte* inner = &data[4]) inner[0] = 9;
            fixed (byte* again = data) again[1] = 3;
            for (int i = 0; i < data.Length; i++) sum += outer[i];
        }
        return sum;
    }

    static int Repeated(int[] values)
    {
        int sum = 0;
        for (int round = 0; round < 100; round++)
        {
            fixed (int* p = values)
            {
                p[round % values.Length] += 1;
                sum += p[0];
            }
            fixed (int* q = &values[values.Length - 1]) sum += *q;
        }
        return sum;
    }

    static void Main()
    {
        var data = new byte[16];
        Console.WriteLine($"nested {Nested(data)} {Nested(data)}");
        Console.WriteLine($"repeated {Repeated(new int[7])}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: nested 12 12
// CHECK: repeated {{[0-9]+}}
// CHECK-NOT: ERROR:
