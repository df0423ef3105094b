// A lookup table stored as RVA static data (ReadOnlySpan<byte> property) read one byte past its end through
// a pointer: global-buffer-overflow, naming the property that owns the table.
using System;

static class Tables
{
    public static ReadOnlySpan<byte> Crc => new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 };
}

static unsafe class Program
{
    static int Lookup(int index)
    {
        fixed (byte* table = Tables.Crc)
            return table[index];
    }

    static void Main()
    {
        Console.WriteLine(Lookup(12));
        Console.WriteLine(Lookup(13));
        Console.WriteLine("not reached");
    }
}
// CHECK: 13
// CHECK: ERROR: AddressSanitizer: global-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Lookup(int) {{.*}}RvaTableOverread.cs:[[@LINE-13]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RvaTableOverread.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of global variable 'Tables.get_Crc' (static data, {{0x[0-9a-f]+}}) of size 13
// CHECK: SUMMARY: AddressSanitizer: global-buffer-overflow {{.*}}RvaTableOverread.cs:[[@LINE-16]] in Program.Lookup(int)
// CHECK-NOT: not reached
