using System;
using System.Runtime.InteropServices;

// A struct copied through a local (local = *src; *dst = local) carries its undefined field to the destination, where
// the branch on it is reported.
unsafe class Program
{
    struct Sample
    {
        public long Time;
        public double Value;
    }

    static void Main()
    {
        Sample* source = (Sample*)NativeMemory.Alloc((nuint)sizeof(Sample));
        Sample* destination = (Sample*)NativeMemory.AllocZeroed((nuint)sizeof(Sample));
        source->Time = 100;
        Sample copy = *source;
        Sample second = copy;
        *destination = second;
        if (destination->Value > 0.5)
            Console.WriteLine("high");
        Console.WriteLine("done");
        NativeMemory.Free(destination);
        NativeMemory.Free(source);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructLocalCopiedThroughLocal.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructLocalCopiedThroughLocal.cs:[[@LINE-18]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}StructLocalCopiedThroughLocal.cs:[[@LINE-13]] in Program.Main()
// CHECK-NOT: done
