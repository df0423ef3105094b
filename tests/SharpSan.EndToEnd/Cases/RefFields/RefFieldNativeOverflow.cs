// A ref struct window over native memory: its `ref int` field is made from a pointer with Unsafe.AsRef, and the
// indexer steps from it with Unsafe.Add. Writing one element past the 4-int allocation through the ref field is a
// heap-buffer-overflow, reported at the write.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

ref struct Window
{
    readonly ref int _first;
    public readonly int Length;

    public Window(ref int first, int length)
    {
        _first = ref first;
        Length = length;
    }

    public ref int this[int index] => ref Unsafe.Add(ref _first, index);
}

static unsafe class Program
{
    static void Main()
    {
        int* block = (int*)NativeMemory.Alloc(4 * sizeof(int));
        var window = new Window(ref Unsafe.AsRef<int>(block), 4);
        for (int i = 0; i < window.Length; i++) window[i] = i;
        Console.WriteLine($"last {block[3]}");
        window[window.Length] = 4;
        Console.WriteLine("not reached");
    }
}
// CHECK: last 3
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RefFieldNativeOverflow.cs:[[@LINE-7]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}RefFieldNativeOverflow.cs:[[@LINE-9]] in Program.Main()
// CHECK-NOT: not reached
