// Each worker makes its own boxes, keeps them only in a fresh array and updates them through that array many times:
// the boxes never leave the worker, so their accesses need no race check. race_stats counts the checked accesses:
// a handful (the closure's fields), not the 2 x 64 x 200 updates. Silent.
using System;
using System.Threading;

namespace Demo;

class Box { public int value; }

static class Program
{
    static int Work(int seed)
    {
        var boxes = new Box[64];
        for (int i = 0; i < boxes.Length; i++) boxes[i] = new Box { value = seed + i };
        for (int round = 0; round < 200; round++)
            for (int i = 0; i < boxes.Length; i++)
            {
                Box box = boxes[i];
                box.value = box.value * 3 + round;
            }
        int sum = 0;
        foreach (var box in boxes) sum ^= box.value;
        return sum;
    }

    static void Main()
    {
        var results = new int[2];
        var a = new Thread(() => results[0] = Work(1));
        var b = new Thread(() => results[1] = Work(2));
        a.Start();
        b.Start();
        a.Join();
        b.Join();
        Console.WriteLine($"done {results[0] ^ results[1]}");
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// ENV: SHARPSAN_OPTIONS=race_stats=1
// CHECK-NOT: ThreadSanitizer: data race
// CHECK: done
// CHECK-NOT: ThreadSanitizer: data race
// CHECK: ThreadSanitizer: stats: accesses={{[0-9][0-9]?}} o1=
// CHECK-NOT: ThreadSanitizer: data race
