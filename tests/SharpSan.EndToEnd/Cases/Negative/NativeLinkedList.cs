// A singly linked list of native nodes: built, traversed, reversed and freed node by node.
using System;
using System.Runtime.InteropServices;

unsafe struct Node { public Node* Next; public int Value; }

static unsafe class Program
{
    static void Main()
    {
        Node* head = null;
        for (int i = 1; i <= 1000; i++)
        {
            Node* n = (Node*)NativeMemory.Alloc((nuint)sizeof(Node));
            n->Value = i;
            n->Next = head;
            head = n;
        }
        Node* reversed = null;
        while (head != null) { Node* next = head->Next; head->Next = reversed; reversed = head; head = next; }
        long sum = 0;
        int first = reversed->Value;
        while (reversed != null) { Node* next = reversed->Next; sum += reversed->Value; NativeMemory.Free(reversed); reversed = next; }
        Console.WriteLine($"first={first} sum={sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: first=1 sum=500500
// CHECK-NOT: ERROR:
