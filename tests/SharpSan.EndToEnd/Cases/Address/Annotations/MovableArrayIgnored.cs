// Negative: poisoning an ordinary (movable) array cannot be honoured — the GC may move it and leave the poison behind —
// so the call is ignored with a one-time warning, and later use of the array is not reported.
using System;
using SharpSan.Annotations;

static class Program
{
    static void Main()
    {
        var array = new int[16];
        MemoryPoisoning.Poison(array, 0, 16);
        MemoryPoisoning.Poison(array, 4, 4);
        array[3] = 5;
        Console.WriteLine($"value {array[3]}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: WARNING: SharpSan: MemoryPoisoning ignores arrays the GC may move (a Int32[16] here)
// CHECK-NOT: WARNING
// CHECK: value 5
// CHECK-NOT: ERROR:
