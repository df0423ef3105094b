// Hundreds of exceptions escape deep recursions with a stack buffer in every frame into BCL code that swallows them
// (Task.RunSynchronously): the frames they leave must not pile up, and the stack buffers used afterwards are in
// bounds: nothing to report.
using System;
using System.Threading.Tasks;

static unsafe class Program
{
    static int Descend(int depth)
    {
        int* frame = stackalloc int[8];
        frame[depth & 7] = depth;
        if (depth == 0) throw new InvalidOperationException("bottom");
        return Descend(depth - 1) + frame[depth & 7];
    }

    static int UseStack(int n)
    {
        int* buffer = stackalloc int[16];
        for (int i = 0; i < 16; i++) buffer[i] = i * n;
        return buffer[15];
    }

    static void Main()
    {
        int faulted = 0;
        for (int round = 0; round < 400; round++)
        {
            var task = new Task<int>(() => Descend(200));
            task.RunSynchronously();
            if (task.IsFaulted) faulted++;
        }
        Console.WriteLine($"faulted {faulted}, stack {UseStack(2)}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: faulted 400, stack 30
// CHECK-NOT: ERROR:
