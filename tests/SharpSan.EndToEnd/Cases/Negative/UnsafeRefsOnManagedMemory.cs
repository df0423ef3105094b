// The ref overloads of Unsafe (ReadUnaligned, WriteUnaligned, CopyBlock, InitBlock) and MemoryMarshal.CreateSpan
// on managed arrays and stack spans: never heap memory, never reported.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        byte[] array = new byte[32];
        Span<byte> stack = stackalloc byte[32];
        Unsafe.WriteUnaligned(ref array[28], 0x01020304);
        int v = Unsafe.ReadUnaligned<int>(ref array[28]);
        Unsafe.InitBlockUnaligned(ref stack[0], 7, 32);
        Unsafe.CopyBlockUnaligned(ref array[0], ref stack[0], 16);
        Unsafe.InitBlock(ref array[16], 9, 12);
        Span<int> ints = MemoryMarshal.CreateSpan(ref Unsafe.As<byte, int>(ref array[0]), 8);
        ReadOnlySpan<byte> ro = MemoryMarshal.CreateReadOnlySpan(ref stack[0], 32);
        Console.WriteLine($"v={v:x} first={array[0]} mid={array[16]} ints={ints.Length} ro={ro[31]}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: v=1020304 first=7 mid=9 ints=8 ro=7
// CHECK-NOT: ERROR:
