// Objects that never move may be used through a pointer after a pin on them ended: arrays on the pinned object
// heap (GC.AllocateArray/AllocateUninitializedArray with pinned: true) and string literals (frozen). No report.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static byte* StartOf(byte[] array)
    {
        fixed (byte* p = array) return p;
    }

    static void Main()
    {
        var pinned = GC.AllocateArray<byte>(64, pinned: true);
        byte* p = StartOf(pinned);
        p[10] = 1;
        var uninitialized = GC.AllocateUninitializedArray<int>(16, pinned: true);
        var handle = GCHandle.Alloc(uninitialized, GCHandleType.Pinned);
        int* q = (int*)handle.AddrOfPinnedObject();
        handle.Free();
        q[3] = 5;
        char* c;
        fixed (char* l = "a literal string") c = l;
        GC.Collect();
        Console.WriteLine($"values {p[10]} {uninitialized[3]} {c[2]}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: values 1 5 l
// CHECK-NOT: ERROR:
