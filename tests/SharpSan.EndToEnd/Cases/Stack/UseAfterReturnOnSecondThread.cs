// A pointer to a stack buffer escapes its method on a second thread and is read there after the method returned:
// that thread's fake stack (which the hot path finds through the thread's shadow-stack block, not a thread-static)
// keeps the buffer poisoned, and the report names thread T1 for the access and for the buffer's frame.
using System;
using System.Threading;

static unsafe class Program
{
    static byte* Fill(int n)
    {
        byte* b = stackalloc byte[16];
        for (int i = 0; i < 16; i++) b[i] = (byte)(n + i);
        return b;
    }

    static void Worker()
    {
        byte* stale = Fill(3);
        Console.WriteLine(stale[2]);
    }

    static void Main()
    {
        var t = new Thread(Worker);
        t.Start();
        t.Join();
        Console.WriteLine("not reached");
    }
}
// CHECK: ERROR: AddressSanitizer: stack-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T1
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Worker() {{.*}}UseAfterReturnOnSecondThread.cs:[[@LINE-13]]
// CHECK-NEXT: Address [[ADDR]] is located in stack of thread T1 at offset 34 in frame
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Fill(int) {{.*}}UseAfterReturnOnSecondThread.cs:[[@LINE-23]]
// CHECK: [32, 48) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-24]]) <== Memory access at offset 34 is inside this variable
// CHECK: SUMMARY: AddressSanitizer: stack-use-after-return {{.*}}UseAfterReturnOnSecondThread.cs:[[@LINE-17]] in Program.Worker()
// CHECK-NOT: not reached
