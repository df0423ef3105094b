// Native blocks kept only in elements of static arrays whose elements are pointers — void*[], int*[],
// delegate* (a block's address stored as a function pointer), nint[], nuint[] — in a pointer field of a struct
// array element, in a pointer static of struct type, and in a 2-D array: all reachable, nothing reported.
using System;
using System.Runtime.InteropServices;

unsafe struct Slot { public int Id; public byte* Data; public long Tag; }
unsafe struct Header { public delegate*<void> Callback; public void* Payload; }

static unsafe class Program
{
    static void*[] s_voids;
    static int*[] s_ints;
    static delegate*<void>[] s_functions;
    static nint[] s_nints;
    static nuint[] s_nuints;
    static Slot[] s_slots;
    static Header s_header;
    static nint[,] s_grid;

    static void Main()
    {
        s_voids = new void*[] { null, NativeMemory.Alloc(8) };
        s_ints = new int*[] { (int*)NativeMemory.Alloc(12) };
        s_functions = new delegate*<void>[] { (delegate*<void>)NativeMemory.Alloc(16) };
        s_nints = new nint[] { 0, (nint)NativeMemory.Alloc(20), -1 };
        s_nuints = new nuint[] { (nuint)NativeMemory.Alloc(24) };
        s_slots = new Slot[3];
        s_slots[2].Data = (byte*)NativeMemory.Alloc(28);
        s_header.Payload = NativeMemory.Alloc(32);
        s_grid = new nint[2, 2];
        s_grid[1, 1] = (nint)NativeMemory.Alloc(36);
        Console.WriteLine("tables built");
    }
}
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING
// CHECK: tables built
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING
// CHECK-NOT: leak
