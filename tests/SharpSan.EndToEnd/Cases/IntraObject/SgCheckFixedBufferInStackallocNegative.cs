// Twin of SgCheckFixedBufferInStackalloc without the overrun: each packet's fixed buffer is filled whole through
// its escaped address, then the same helper fills the whole stack buffer, across both packets' fields. By then the
// fixed buffers' entries went with SetName's frames, so the helper's store binds to the stack buffer: no report.
using System;

namespace Demo;

unsafe struct Packet
{
    public int Length;
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

    static void SetName(Packet* packet, int count)
    {
        byte* name = packet->Name;
        Fill(name, count);
    }

    static void Main()
    {
        Packet* packets = stackalloc Packet[2];
        SetName(&packets[0], 16);
        SetName(&packets[1], 16);
        Console.WriteLine($"checksum {packets[0].Checksum} {packets[1].Checksum}");
        Fill((byte*)packets, 2 * sizeof(Packet));
        Console.WriteLine($"length {packets[1].Length:x}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: checksum 0 0
// CHECK: length 61616161
// CHECK-NOT: ERROR:
