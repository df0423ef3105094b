// Memory still reachable from static fields at exit is not leaked: directly, through an object, through
// an array, through a struct field, and through a chain of native blocks.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

unsafe struct Node { public Node* Next; public long Value; }

sealed class Holder { public IntPtr Buffer; }

struct Pair { public IntPtr First; public IntPtr Second; }

static unsafe class Program
{
    static void* s_direct;
    static Holder s_holder;
    static IntPtr[] s_array;
    static Pair s_pair;
    static Node* s_list;
    static readonly List<IntPtr> s_blocks = new();

    static void Main()
    {
        s_direct = NativeMemory.Alloc(100);
        s_holder = new Holder { Buffer = Marshal.AllocHGlobal(200) };
        s_array = new[] { Marshal.AllocCoTaskMem(30), Marshal.AllocCoTaskMem(40) };
        s_pair = new Pair { First = Marshal.AllocHGlobal(8), Second = (IntPtr)NativeMemory.AlignedAlloc(64, 64) };
        Node* a = (Node*)NativeMemory.AllocZeroed((nuint)sizeof(Node));
        Node* b = (Node*)NativeMemory.AllocZeroed((nuint)sizeof(Node));
        Node* c = (Node*)NativeMemory.AllocZeroed((nuint)sizeof(Node));
        a->Next = b; b->Next = c;
        s_list = a;
        for (int i = 0; i < 4; i++) s_blocks.Add(Marshal.AllocHGlobal(16));
        Console.WriteLine("kept alive");
    }
}
// CHECK-NOT: ERROR:
// CHECK: kept alive
// CHECK-NOT: ERROR:
// CHECK-NOT: leak
