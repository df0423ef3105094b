// Loops whose one instruction legitimately touches many buffers: an array of pointers to the fixed buffers of
// several packets (on the stack and in native memory, all registered as escaped), pointers into several stackalloc
// buffers, and linked lists of native nodes — one with a stackalloc'd sentinel head. SGCheck's heuristic must not
// take the move from one object to the next for an overrun: no report.
using System;
using System.Runtime.InteropServices;

namespace Demo;

unsafe struct Packet
{
    public int Length;
    public fixed byte Name[16];
}

unsafe struct Node
{
    public Node* Next;
    public int Value;
    public fixed byte Tag[4];
}

static unsafe class Program
{
    static int SumAll(byte** buffers, int count, int length)
    {
        int sum = 0;
        for (int j = 0; j < count; j++)
            for (int k = 0; k < length; k++)
                sum += buffers[j][k];
        return sum;
    }

    static int SumFirst(byte** buffers, int count)
    {
        int sum = 0;
        for (int j = 0; j < count; j++) sum += *buffers[j];
        return sum;
    }

    static int Walk(Node* head)
    {
        int sum = 0;
        for (Node* n = head; n != null; n = n->Next)
        {
            sum += n->Value;
            for (int k = 0; k < 4; k++) sum += n->Tag[k];
        }
        return sum;
    }

    static Node* Prepend(Node* list, int value)
    {
        var node = (Node*)NativeMemory.AllocZeroed((nuint)sizeof(Node));
        node->Next = list;
        node->Value = value;
        node->Tag[3] = 1;
        return node;
    }

    static void Main()
    {
        Packet onStack = default;
        var native = (Packet*)NativeMemory.AllocZeroed((nuint)(3 * sizeof(Packet)));
        byte** names = stackalloc byte*[4];
        names[0] = onStack.Name;
        for (int j = 1; j < 4; j++) names[j] = native[j - 1].Name;
        for (int j = 0; j < 4; j++) names[j][15] = (byte)j;
        Console.WriteLine($"names {SumAll(names, 4, 16)} {SumFirst(names, 4)}");

        byte* a = stackalloc byte[8];
        byte* b = stackalloc byte[24];
        byte* c = stackalloc byte[8];
        byte** stacks = stackalloc byte*[3];
        stacks[0] = a; stacks[1] = b; stacks[2] = c;
        a[0] = 1; b[0] = 2; c[7] = 3;
        Console.WriteLine($"stacks {SumAll(stacks, 3, 8)} {SumFirst(stacks, 3)}");

        Node* list = null;
        for (int v = 1; v <= 5; v++) list = Prepend(list, v);
        Node* sentinel = stackalloc Node[1];
        sentinel->Next = list;
        Console.WriteLine($"lists {Walk(list)} {Walk(sentinel)}");
        while (list != null)
        {
            var next = list->Next;
            NativeMemory.Free(list);
            list = next;
        }
        NativeMemory.Free(native);
    }
}
// CHECK-NOT: ERROR:
// CHECK: names 6 0
// CHECK: stacks 6 3
// CHECK: lists 20 20
// CHECK-NOT: ERROR:
