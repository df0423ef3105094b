// Hot size classes move to huge-page regions (past 2 MiB carved): 30,000 chunks of 33 to 48 bytes (80-byte slots,
// 2.4 MB) a round, twice, each written and read to its last byte, freed and reallocated through the quarantine.
// Nothing may be reported.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    const int Count = 30_000;

    static void Main()
    {
        byte** chunks = (byte**)NativeMemory.Alloc(Count, (nuint)sizeof(byte*));
        long sum = 0;
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < Count; i++)
            {
                int size = 33 + (i + round) % 16;
                byte* p = (byte*)NativeMemory.Alloc((nuint)size);
                for (int j = 0; j < size; j++) p[j] = (byte)j;
                chunks[i] = p;
            }
            for (int i = 0; i < Count; i++)
            {
                int size = 33 + (i + round) % 16;
                sum += chunks[i][size - 1];
                NativeMemory.Free(chunks[i]);
            }
        }
        NativeMemory.Free(chunks);
        Console.WriteLine($"sum={sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum={{[0-9]+}}
// CHECK-NOT: ERROR:
