// A struct with a `fixed` buffer, allocated natively: indexing the buffer one past its length runs off the block.
using System;
using System.Runtime.InteropServices;

unsafe struct Packet
{
    public int Length;
    public fixed byte Payload[12];
}

static unsafe class Program
{
    static void Main()
    {
        Packet* packet = (Packet*)NativeMemory.Alloc((nuint)sizeof(Packet));
        packet->Length = 12;
        for (int i = 0; i <= packet->Length; i++)
            packet->Payload[i] = (byte)i;
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FixedBufferInNativeStruct.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FixedBufferInNativeStruct.cs:[[@LINE-11]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}FixedBufferInNativeStruct.cs:[[@LINE-9]] in Program.Main()
// CHECK-NOT: unreachable
