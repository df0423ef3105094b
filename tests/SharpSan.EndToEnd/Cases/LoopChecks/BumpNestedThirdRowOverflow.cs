// Nested loops: the inner `*dst++ = *row++` loop is versioned and runs once per outer row. Rows 0 and 1 copy inside the
// 3 x 16 source; the caller's row length of 17 in the third outer iteration makes the inner loop read row 2's 17th byte,
// past the block: the third entry's range check fails and its checked original reports that read, nothing earlier.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Gather(byte* dst, byte* src, int rows, int stride, int width)
    {
        int total = 0;
        for (int r = 0; r < rows; r++)
        {
            byte* row = src + r * stride;
            int w = r == 2 ? width : stride;
            for (int j = 0; j < w; j++)
                *dst++ = *row++;
            total += w;
        }
        return total;
    }

    static void Main()
    {
        byte* src = (byte*)NativeMemory.Alloc(48);
        byte* dst = (byte*)NativeMemory.Alloc(64);
        for (int i = 0; i < 48; i++) src[i] = (byte)i;
        Console.WriteLine($"gathered {Gather(dst, src, 3, 16, 16)} last {dst[47]}");
        Console.WriteLine($"first bad 0x{(nuint)(src + 48):x}");
        Console.WriteLine(Gather(dst, src, 3, 16, 17));
        Console.WriteLine("not reached");
    }
}
// CHECK: gathered 48 last 47
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Gather(byte*, byte*, int, int, int) {{.*}}BumpNestedThirdRowOverflow.cs:[[@LINE-21]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 48-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}BumpNestedThirdRowOverflow.cs:[[@LINE-23]] in Program.Gather(byte*, byte*, int, int, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
