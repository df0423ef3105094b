// `fixed (char* c = text)` pins a string; the char pointer escapes through a static and is read after the pin.
using System;

static unsafe class Program
{
    static char* s_cursor;

    static void Remember(string text)
    {
        fixed (char* c = text) s_cursor = c + 2;
    }

    static void Main()
    {
        string text = new string('x', 12);
        Remember(text);
        Console.WriteLine("remembered");
        Console.WriteLine(*s_cursor);
    }
}
// CHECK: remembered
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 2 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StringCharsAfterBlock.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 4 bytes inside of 24-byte managed string of length 12
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Remember(string) {{.*}}StringCharsAfterBlock.cs:[[@LINE-17]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Remember(string) {{.*}}StringCharsAfterBlock.cs:[[@LINE-19]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}StringCharsAfterBlock.cs:[[@LINE-12]] in Program.Main()
