// A loop fills a struct's `fixed byte Name[16]` with one byte too many: the write lands in the next field of the
// same struct, which the shadow (one addressable object) cannot see — intra-object-overflow, from the buffer's
// [FixedBuffer] metadata.
using System;

unsafe struct Packet
{
    public int Length;
    public fixed byte Name[16];
    public long Checksum;
}

static unsafe class Program
{
    static void SetName(Packet* packet, int count)
    {
        for (int i = 0; i < count; i++)
            packet->Name[i] = (byte)'a';
    }

    static void Main()
    {
        Packet packet = default;
        SetName(&packet, 16);
        Console.WriteLine($"checksum {packet.Checksum}");
        SetName(&packet, 17);
        Console.WriteLine("not reached");
    }
}
// CHECK: checksum 0
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.SetName(Packet*, int) {{.*}}FixedBufferOverflow.cs:18
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FixedBufferOverflow.cs:26
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 16-byte fixed buffer 'Packet.Name'
// CHECK: SUMMARY: AddressSanitizer: intra-object-overflow {{.*}}FixedBufferOverflow.cs:18 in Program.SetName(Packet*, int)
// CHECK-NOT: not reached
