// Unsafe.*, Buffer.MemoryCopy and NativeMemory.Copy/Clear/Fill used exactly up to the end of their blocks.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* a = (byte*)NativeMemory.Alloc(16);
        byte* b = (byte*)NativeMemory.Alloc(16);
        NativeMemory.Fill(a, 16, 1);
        NativeMemory.Clear(b, 16);
        Unsafe.Write(a + 8, 2L);
        long x = Unsafe.Read<long>(a + 8);
        Unsafe.WriteUnaligned(a + 12, 3);
        int y = Unsafe.ReadUnaligned<int>(a + 12);
        Unsafe.WriteUnaligned(ref a[14], (short)4);
        short z = Unsafe.ReadUnaligned<short>(ref a[14]);
        long copy = 0;
        Unsafe.Copy(ref copy, a + 8);
        Unsafe.Copy(b + 8, ref copy);
        Unsafe.CopyBlock(b, a, 16);
        Unsafe.CopyBlock(ref b[0], ref a[0], 16);
        Unsafe.CopyBlockUnaligned(b + 1, a, 15);
        Unsafe.CopyBlockUnaligned(ref b[1], ref a[1], 15);
        Unsafe.InitBlock(a, 5, 16);
        Unsafe.InitBlock(ref a[0], 5, 16);
        Unsafe.InitBlockUnaligned(a + 3, 6, 13);
        Unsafe.InitBlockUnaligned(ref a[3], 6, 13);
        Buffer.MemoryCopy(a, b, 16, 16);
        Buffer.MemoryCopy(a, b, 16UL, 16UL);
        NativeMemory.Copy(b, a, 16);
        Console.WriteLine($"x={x} y={y} z={z} copy={copy} last={a[15]} first={b[0]}");
        NativeMemory.Free(a);
        NativeMemory.Free(b);
    }
}
// CHECK-NOT: ERROR:
// CHECK: x={{[0-9]+}} y={{[0-9]+}} z=4 copy={{[0-9]+}} last=6 first=5
// CHECK-NOT: ERROR:
