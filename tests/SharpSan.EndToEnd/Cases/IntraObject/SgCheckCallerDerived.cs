// The caller takes a pointer to a struct's fixed buffer and passes it on; the callee's loop writes one byte too
// many. The callee cannot see where the pointer came from, so the metadata check does not apply: SGCheck's
// heuristic binds the store to the buffer its first iteration touched, and the 17th write leaves it for the next
// field of the same struct.
using System;
using System.Runtime.InteropServices;

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
        var packet = (Packet*)NativeMemory.AllocZeroed((nuint)sizeof(Packet));
        SetName(packet, 16);
        Console.WriteLine($"checksum {packet->Checksum}");
        SetName(packet, 17);
        Console.WriteLine("not reached");
    }
}
// CHECK: checksum 0
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Fill(byte*, int) {{.*}}SgCheckCallerDerived.cs:[[@LINE-21]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.SetName(Demo.Packet*, int) {{.*}}SgCheckCallerDerived.cs:[[@LINE-16]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}SgCheckCallerDerived.cs:[[@LINE-9]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 16-byte fixed buffer 'Demo.Packet.Name' [{{0x[0-9a-f]+}},{{0x[0-9a-f]+}}),
// CHECK-NEXT: inside 32-byte struct 'Demo.Packet' (the neighbouring fields are overwritten; the shadow cannot see this)
// CHECK-NEXT: the instruction first accessed 16-byte fixed buffer 'Demo.Packet.Name' [{{0x[0-9a-f]+}},{{0x[0-9a-f]+}}) in this activation (SGCheck's heuristic
// CHECK: SUMMARY: AddressSanitizer: intra-object-overflow {{.*}}SgCheckCallerDerived.cs:[[@LINE-27]] in Demo.Program.Fill(byte*, int)
// CHECK-NOT: not reached
