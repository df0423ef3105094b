// A static struct with a fixed buffer, indexed one byte too far in place (C# lets you index a movable fixed
// buffer): the write stays inside the static but leaves the buffer — intra-object-overflow naming the global.
using System;

namespace Demo;

unsafe struct Header
{
    public int Version;
    public fixed byte Magic[8];
    public int Flags;
}

static unsafe class Program
{
    static Header s_header;

    static void Stamp(int n)
    {
        for (int i = 0; i < n; i++) s_header.Magic[i] = 0x7f;
    }

    static void Main()
    {
        Stamp(8);
        Console.WriteLine($"flags {s_header.Flags}");
        Stamp(9);
        Console.WriteLine("not reached");
    }
}
// CHECK: flags 0
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Stamp(int) {{.*}}StaticFixedBufferIntraObject.cs:[[@LINE-14]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 8-byte fixed buffer 'Demo.Header.Magic' [{{0x[0-9a-f]+}},{{0x[0-9a-f]+}}),
// CHECK-NEXT: inside global variable 'Demo.Program.s_header' of size 16 (the neighbouring fields are overwritten; the shadow cannot see this)
// CHECK: SUMMARY: AddressSanitizer: intra-object-overflow {{.*}}StaticFixedBufferIntraObject.cs:[[@LINE-17]] in Demo.Program.Stamp(int)
// CHECK-NOT: not reached
