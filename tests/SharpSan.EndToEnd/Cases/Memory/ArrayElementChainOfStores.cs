using System;
using System.Buffers;

// track_origins=2 through array elements: an undefined element stored into another array is listed as a store
// ("Uninitialized value was stored to memory at"), then where it was created (the Rent).
class Program
{
    static void Main()
    {
        int[] rented = ArrayPool<int>.Shared.Rent(8);
        int[] table = new int[8];
        int stale = rented[3];
        table[2] = stale;
        int again = table[2];
        if (again > 0) Console.WriteLine("positive");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=track_origins=2
// CHECK: {{^}}=={{[0-9]+}}==WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ArrayElementChainOfStores.cs:[[@LINE-8]]
// CHECK: {{^  }}Uninitialized value was stored to memory at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ArrayElementChainOfStores.cs:[[@LINE-12]]
// CHECK: {{^  }}Uninitialized value was created by an array rented from ArrayPool<int>.Shared.Rent(8)
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}ArrayElementChainOfStores.cs:[[@LINE-12]] in Program.Main()
// CHECK-NOT: done
