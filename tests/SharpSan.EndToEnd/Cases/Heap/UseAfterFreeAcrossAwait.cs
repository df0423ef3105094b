// An async method frees its buffer in one continuation and reads it in the next (on a pool thread).
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static class Program
{
    static unsafe int Peek(IntPtr block, int index)
    {
        return ((int*)block)[index];
    }

    static async Task<int> RunAsync()
    {
        IntPtr block = Marshal.AllocHGlobal(64);
        await Task.Delay(1);
        Marshal.FreeHGlobal(block);
        await Task.Delay(1);
        return Peek(block, 2);
    }

    static void Main()
    {
        Console.WriteLine(RunAsync().GetAwaiter().GetResult());
    }
}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 4 at {{0x[0-9a-f]+}} thread T{{[0-9]+}}
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Peek(nint, int) {{.*}}UseAfterFreeAcrossAwait.cs:[[@LINE-19]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<RunAsync>d__1.MoveNext() {{.*}}UseAfterFreeAcrossAwait.cs:[[@LINE-11]]
// CHECK: is located 8 bytes inside of 64-byte region
// CHECK-NEXT: freed by thread T{{[0-9]+}} here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<RunAsync>d__1.MoveNext() {{.*}}UseAfterFreeAcrossAwait.cs:[[@LINE-17]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<RunAsync>d__1.MoveNext() {{.*}}UseAfterFreeAcrossAwait.cs:[[@LINE-22]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterFreeAcrossAwait.cs:[[@LINE-28]] in Program.Peek(nint, int)
