// A struct local holds an [InlineArray]; a pointer cast from the inline array's address walks one element too far
// in a loop of the same method: intra-object-overflow inside the local, named from the PDB.
using System;
using System.Runtime.CompilerServices;

namespace Demo;

[InlineArray(6)]
struct Six { short _element0; }

struct Frame
{
    public Six Lanes;
    public int Crc;
}

static unsafe class Program
{
    static int Checksum(int n)
    {
        Frame frame = default;
        frame.Crc = 1;
        short* lanes = (short*)&frame.Lanes;
        int sum = 0;
        for (int i = 0; i < n; i++) sum += lanes[i];
        return sum;
    }

    static void Main()
    {
        Console.WriteLine($"sum {Checksum(6)}");
        Console.WriteLine($"sum {Checksum(7)}");
    }
}
// CHECK: sum 0
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 2 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Checksum(int) {{.*}}InlineArrayOnStack.cs:[[@LINE-13]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 12-byte inline array 'Demo.Frame.Lanes'
// CHECK-NEXT: inside local variable 'frame' of size 16 (the neighbouring fields are overwritten; the shadow cannot see this)
// CHECK: SUMMARY: AddressSanitizer: intra-object-overflow {{.*}}InlineArrayOnStack.cs:[[@LINE-16]] in Demo.Program.Checksum(int)
