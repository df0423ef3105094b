// MemoryMarshal.CreateSpan over an [InlineArray(8)] with one element too many: the span covers the struct's next
// field, and the BCL code that fills it later is not instrumented — so the span is checked when it is made.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Demo;

[InlineArray(8)]
struct Buf8 { int _element0; }

struct Packet
{
    public Buf8 Buf;
    public int Checksum;
}

static class Program
{
    static void Clear(ref Packet packet, int count) => MemoryMarshal.CreateSpan(ref packet.Buf[0], count).Fill(-1);

    static void Main()
    {
        var packet = new Packet();
        Clear(ref packet, 8);
        Console.WriteLine($"checksum {packet.Checksum}");
        Clear(ref packet, 9);
        Console.WriteLine("not reached");
    }
}
// CHECK: checksum 0
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address {{0x[0-9a-f]+}}
// CHECK-NEXT: WRITE of size 36 at {{0x[0-9a-f]+}} thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Clear(ref Demo.Packet, int) {{.*}}InlineArraySpanTooLong.cs:[[@LINE-14]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}InlineArraySpanTooLong.cs:[[@LINE-8]]
// CHECK-NEXT: {{0x[0-9a-f]+}} is located 0 bytes to the right of 32-byte inline array 'Demo.Packet.Buf'
// CHECK-NEXT: inside 36-byte struct 'Demo.Packet'
// CHECK-NOT: not reached
