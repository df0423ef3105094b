// `fixed` over a ReadOnlySpan<char> made from a string (text.AsSpan()): the char pointer outlives the block and is
// read after it, as a parser keeping a cursor would. Reported as use-after-unpin on the string.
using System;

static unsafe class Program
{
    static char* s_cursor;

    static void Start(string text)
    {
        ReadOnlySpan<char> chars = text.AsSpan();
        fixed (char* p = chars)
        {
            s_cursor = p;
        }
    }

    static void Main()
    {
        var text = new string('x', 12);
        Start(text);
        Console.WriteLine(s_cursor[1]);
    }
}
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 2 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReadOnlySpanOverStringAfterBlock.cs:[[@LINE-5]]
// CHECK: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Start(string) {{.*}}ReadOnlySpanOverStringAfterBlock.cs:[[@LINE-14]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Start(string) {{.*}}ReadOnlySpanOverStringAfterBlock.cs:[[@LINE-19]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}ReadOnlySpanOverStringAfterBlock.cs:[[@LINE-10]] in Program.Main()
// XFAIL: a ReadOnlySpan<char> from string.AsSpan() is not yet tied to its string by the rewriter (arrays are): the pin only lifts poison
