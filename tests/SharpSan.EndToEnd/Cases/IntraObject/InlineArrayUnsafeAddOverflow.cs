// Unsafe.Add past the end of an [InlineArray(8)] of ints writes the struct's next field: the shadow sees one
// addressable struct, the metadata knows the inline array is 32 bytes — intra-object-overflow.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Demo;

[InlineArray(8)]
struct Buf8 { int _element0; }

struct Packet
{
    public int Length;
    public Buf8 Buf;
    public long Checksum;
}

static unsafe class Program
{
    static void Fill(Packet* packet, int count)
    {
        for (int i = 0; i < count; i++)
            Unsafe.Add(ref packet->Buf[0], i) = -1;
    }

    static void Main()
    {
        var packet = (Packet*)NativeMemory.AllocZeroed((nuint)sizeof(Packet));
        Fill(packet, 8);
        Console.WriteLine($"checksum {packet->Checksum}");
        Fill(packet, 9);
        Console.WriteLine("not reached");
    }
}
// CHECK: checksum 0
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Fill(Demo.Packet*, int) {{.*}}InlineArrayUnsafeAddOverflow.cs:[[@LINE-15]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}InlineArrayUnsafeAddOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 32-byte inline array 'Demo.Packet.Buf' [{{0x[0-9a-f]+}},{{0x[0-9a-f]+}}),
// CHECK-NEXT: inside 48-byte struct 'Demo.Packet' (the neighbouring fields are overwritten; the shadow cannot see this)
// CHECK: SUMMARY: AddressSanitizer: intra-object-overflow {{.*}}InlineArrayUnsafeAddOverflow.cs:[[@LINE-19]] in Demo.Program.Fill(Demo.Packet*, int)
// CHECK-NOT: not reached
