// The bug of SgCheckCallerDerived (a callee's loop runs off a fixed buffer passed in by its caller) with the
// heuristic switched off: only SGCheck's heuristic can see it, so there is no report, and the overrun lands in
// the next field.
using System;

namespace Demo;

unsafe struct Packet
{
    public long Length;
    public fixed byte Name[16];
    public long Checksum;
}

static unsafe class Program
{
    static void Fill(byte* name, int count)
    {
        for (int i = 0; i < count; i++)
            name[i] = (byte)'a';
    }

    static void Main()
    {
        Packet packet = default;
        Fill(packet.Name, 17);
        Console.WriteLine($"checksum {packet.Checksum}");
    }
}
// ENV: SHARPSAN_OPTIONS=sgcheck_heuristic=0
// CHECK-NOT: ERROR:
// CHECK: checksum 97
// CHECK-NOT: ERROR:
