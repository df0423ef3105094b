// Interior pointers (cursors into the middle of a block) used with negative and positive offsets, in bounds.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Around(int* middle) { return middle[-4] + middle[0] + middle[3]; }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(8 * sizeof(int));
        for (int i = 0; i < 8; i++) p[i] = i;
        int* cursor = p + 4;
        int a = Around(cursor);
        byte* bytes = (byte*)cursor;
        bytes[-16] = 100;
        Console.WriteLine($"a={a} first={p[0]}");
        NativeMemory.Free(p);
    }
}
// CHECK-NOT: ERROR:
// CHECK: a=11 first=100
// CHECK-NOT: ERROR:
