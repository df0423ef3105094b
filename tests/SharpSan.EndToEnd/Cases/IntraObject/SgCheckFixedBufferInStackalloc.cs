// A struct with a fixed buffer lives in a stackalloc buffer; the caller passes the fixed buffer on and the callee's
// loop writes one byte too many, into the next field. The write stays inside the stack buffer, so the shadow cannot
// see it: only SGCheck's binding can, and only if it binds the store to the innermost known buffer (the fixed
// buffer), not to the stack buffer around it.
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
        Console.WriteLine($"checksum {packets[0].Checksum}");
        SetName(&packets[1], 17);
        Console.WriteLine("not reached");
    }
}
// CHECK: checksum 0
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Fill(byte*, int) {{.*}}SgCheckFixedBufferInStackalloc.cs:[[@LINE-21]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.SetName(Demo.Packet*, int) {{.*}}SgCheckFixedBufferInStackalloc.cs:[[@LINE-16]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}SgCheckFixedBufferInStackalloc.cs:[[@LINE-9]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 16-byte fixed buffer 'Demo.Packet.Name' [{{0x[0-9a-f]+}},{{0x[0-9a-f]+}}),
// CHECK-NEXT: inside 32-byte struct 'Demo.Packet' (the neighbouring fields are overwritten; the shadow cannot see this)
// CHECK: SUMMARY: AddressSanitizer: intra-object-overflow {{.*}}SgCheckFixedBufferInStackalloc.cs:[[@LINE-26]] in Demo.Program.Fill(byte*, int)
// CHECK-NOT: not reached
