// A method whose body ends inside a finally handler (every path throws) reads one element past its native buffer in
// the try block: the rewritten method is valid IL, the read is reported with the method's frame and line, and the
// finally still runs.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int s_cleanups;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void SumThenThrow(int* data, int length)
    {
        try
        {
            int sum = 0;
            for (int i = 0; i <= length; i++) sum += data[i];
            throw new InvalidOperationException("sum " + sum);
        }
        finally
        {
            s_cleanups++;
        }
    }

    static void Main()
    {
        int* data = (int*)NativeMemory.AllocZeroed(8 * sizeof(int));
        try { SumThenThrow(data, 8); }
        catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        NativeMemory.Free(data);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.SumThenThrow(int*, int) {{.*}}MethodEndingInFinallyOverflow.cs:[[@LINE-19]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MethodEndingInFinallyOverflow.cs:[[@LINE-8]]
// CHECK: is located 0 bytes to the right of 32-byte region
