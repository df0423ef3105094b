// An enum array rented for 10 and written at 10: the write lands in the pool's slack.
using System;
using System.Buffers;

enum Color : byte { Red, Green, Blue }

static class Program
{
    static void Paint(Color[] colors, int count)
    {
        for (int i = 0; i <= count; i++) colors[i] = Color.Blue;
    }

    static void Main()
    {
        Color[] colors = ArrayPool<Color>.Shared.Rent(10);
        Paint(colors, 10);
        ArrayPool<Color>.Shared.Return(colors);
    }
}
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Paint(Color[], int) {{.*}}PoolEnumElementsOverflow.cs:[[@LINE-12]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolEnumElementsOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes after the requested 10 bytes of 16-byte pooled array {{.*}} (Color[16], 10 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}PoolEnumElementsOverflow.cs:[[@LINE-15]] in Program.Paint(Color[], int)
