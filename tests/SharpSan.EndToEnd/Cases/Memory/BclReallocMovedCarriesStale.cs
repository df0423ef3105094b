using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* small = (byte*)NativeMemory.Alloc(16);
        for (int i = 0; i < 8; i++) small[i] = (byte)i;
        byte* large = (byte*)NativeMemory.Realloc(small, 1 << 20);
        int odd = 0;
        if ((large[12] & 1) == 1) odd++;
        Console.WriteLine($"moved {(nint)large != (nint)small} odd {odd}");
        NativeMemory.Free(large);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclReallocMovedCarriesStale.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclReallocMovedCarriesStale.cs:[[@LINE-15]]
// CHECK-NOT: moved
