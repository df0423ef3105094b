// The twin of PoolJaggedRowsNegative: each row is filled up to the width requested plus one, never to its Length.
using System;
using System.Buffers;

static class Program
{
    static void Main()
    {
        const int width = 5;
        int[][] rows = new int[2][];
        for (int r = 0; r < 2; r++) rows[r] = ArrayPool<int>.Shared.Rent(width);
        for (int r = 0; r < 2; r++)
            for (int j = 0; j <= width; j++) rows[r][j] = r;
    }
}
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolJaggedRowsOverflow.cs:[[@LINE-5]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes after the requested 20 bytes of 64-byte pooled array {{.*}} (int[16], 5 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}PoolJaggedRowsOverflow.cs:[[@LINE-7]] in Program.Main()
