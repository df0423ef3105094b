// A ref struct's `ref` field points at a struct with a `fixed int Words[4]`; a loop writes one word too many through
// it. The fifth word lands in the struct's next field (Tag): intra-object-overflow, found through the ref field.
using System;

unsafe struct Header
{
    public fixed int Words[4];
    public int Tag;
}

unsafe ref struct HeaderView
{
    readonly ref Header _header;
    public HeaderView(ref Header header) => _header = ref header;

    public void Fill(int count)
    {
        for (int i = 0; i < count; i++)
            _header.Words[i] = i;
    }
}

class Box { public Header Header; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var view = new HeaderView(ref box.Header);
        view.Fill(4);
        Console.WriteLine($"tag {box.Header.Tag}");
        view.Fill(5);
        Console.WriteLine("not reached");
    }
}
// CHECK: tag 0
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in HeaderView.Fill(int) {{.*}}RefFieldFixedBufferOverflow.cs:[[@LINE-21]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RefFieldFixedBufferOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 16-byte fixed buffer 'Header.Words'
// CHECK: SUMMARY: AddressSanitizer: intra-object-overflow {{.*}}RefFieldFixedBufferOverflow.cs:[[@LINE-24]] in HeaderView.Fill(int)
// CHECK-NOT: not reached
