using System;
using System.Runtime.InteropServices;

// track_origins=0: the report has the use's stack and the SUMMARY, no origin block (as MSan without origins).
unsafe class Program
{
    static void Main()
    {
        int* fresh = (int*)NativeMemory.Alloc(16);
        if (fresh[1] > 0) Console.WriteLine("positive");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=track_origins=0
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclTrackOriginsZeroNoOriginBlock.cs:[[@LINE-8]]
// CHECK-NOT: Uninitialized value was
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value
// CHECK-NOT: done
