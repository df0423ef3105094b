// Pointers to fields of class instances used only while pinned (`fixed` over &obj.field, a pinned GCHandle on a
// blittable class), the object's fields used through references after the pins end (also across a compacting
// collection), and a field of a struct local (never pinned). No report.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)]
sealed class Header
{
    public int Magic;
    public int Length;
    public long Stamp;
}

static unsafe class Program
{
    struct Local
    {
        public int A, B;
    }

    static void Main()
    {
        var header = new Header();
        fixed (int* p = &header.Length) { *p = 10; p[-1] = 0x5a; }
        var handle = GCHandle.Alloc(header, GCHandleType.Pinned);
        long* stamp = (long*)((byte*)handle.AddrOfPinnedObject() + 8);
        *stamp = 7;
        handle.Free();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        header.Length += 1;
        header.Stamp *= 2;
        fixed (long* s = &header.Stamp) *s += 1;
        var local = new Local();
        int* b = &local.B;
        *b = 3;
        Console.WriteLine($"values {header.Magic} {header.Length} {header.Stamp} {local.B}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: values 90 11 15 3
// CHECK-NOT: ERROR:
