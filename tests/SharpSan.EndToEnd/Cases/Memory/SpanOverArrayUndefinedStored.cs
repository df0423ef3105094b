using System;
using System.Runtime.InteropServices;

// An undefined value stored into a plain array through a span over it (new Span<T>(array), then span[i] = v) is that
// element's shadow: reading the element back through the span and branching on it is reported, with the value's
// origin. The element written with a defined value stays defined.
unsafe class Program
{
    static void Main()
    {
        int* raw = (int*)NativeMemory.Alloc(16);
        int[] table = new int[4];
        var span = new Span<int>(table);
        span[0] = 7;
        span[1] = raw[2];
        if (span[0] == 7) Console.WriteLine("first seven");
        if (span[1] > 0)
            Console.WriteLine("positive");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: first seven
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SpanOverArrayUndefinedStored.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SpanOverArrayUndefinedStored.cs:[[@LINE-17]]
// CHECK-NOT: done
