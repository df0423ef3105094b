// A leaked list node that points to a second node: the first is a direct leak, the second an indirect one.
using System;
using System.Runtime.InteropServices;

unsafe struct Node { public Node* Next; public long Value; }

static unsafe class Program
{
    static void Main()
    {
        Node* head = (Node*)NativeMemory.Alloc((nuint)sizeof(Node));
        Node* tail = (Node*)NativeMemory.AllocZeroed((nuint)sizeof(Node));
        head->Next = tail;
        head->Value = 1;
        Console.WriteLine($"list of {(head->Next != null ? 2 : 1)}");
        head = null;
        tail = null;
    }
}
// CHECK: list of 2
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 16 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}IndirectLeak.cs:[[@LINE-13]]
// CHECK: Indirect leak of 16 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AllocZeroed(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}IndirectLeak.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: 32 byte(s) leaked in 2 allocation(s).
