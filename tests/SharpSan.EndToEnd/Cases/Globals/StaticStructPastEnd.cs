// A fixed buffer at the end of a static struct, indexed 12 bytes past its end: the read leaves the buffer and the
// whole 20-byte static — global-buffer-overflow, saying which buffer the address came from.
using System;

namespace Demo;

unsafe struct Registers
{
    public int Count;
    public fixed int Values[4];
}

static unsafe class Program
{
    static Registers s_registers;

    static int Read(int index) => s_registers.Values[index];

    static void Main()
    {
        s_registers.Values[3] = 42;
        Console.WriteLine($"value {Read(3)}");
        Console.WriteLine($"value {Read(7)}");
        Console.WriteLine("not reached");
    }
}
// CHECK: value 42
// CHECK: ERROR: AddressSanitizer: global-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Read(int) {{.*}}StaticStructPastEnd.cs:[[@LINE-13]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}StaticStructPastEnd.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 12 bytes to the right of global variable 'Demo.Program.s_registers' (static field, {{0x[0-9a-f]+}}) of size 20
// CHECK-NEXT: the address was derived from 16-byte fixed buffer 'Demo.Registers.Values'
// CHECK: SUMMARY: AddressSanitizer: global-buffer-overflow {{.*}}StaticStructPastEnd.cs:[[@LINE-17]] in Demo.Program.Read(int)
// CHECK-NOT: not reached
