// A pointer taken with `fixed` to the first element of an [InlineArray] field of a class object, read one element
// too far: the read leaves the 16-byte inline array but stays in memory the shadow calls addressable (the object).
using System;
using System.Runtime.CompilerServices;

namespace Demo;

[InlineArray(4)]
struct Quad { int _element0; }

sealed class Sensor
{
    public Quad Samples;
    public int Count = 7;
}

static unsafe class Program
{
    static int Sum(Sensor sensor, int n)
    {
        int sum = 0;
        fixed (int* p = &sensor.Samples[0])
            for (int i = 0; i < n; i++) sum += p[i];
        return sum;
    }

    static void Main()
    {
        var sensor = new Sensor();
        sensor.Samples[3] = 5;
        Console.WriteLine($"sum {Sum(sensor, 4)}");
        Console.WriteLine($"sum {Sum(sensor, 5)}");
    }
}
// CHECK: sum 5
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Sum(Demo.Sensor, int) {{.*}}InlineArrayInClassObject.cs:[[@LINE-15]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 16-byte inline array 'Demo.Sensor.Samples'
// CHECK-NEXT: inside the same object
// CHECK: SUMMARY: AddressSanitizer: intra-object-overflow {{.*}}InlineArrayInClassObject.cs:[[@LINE-18]] in Demo.Program.Sum(Demo.Sensor, int)
