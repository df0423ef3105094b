// Unsafe.AsRef<T>(void*) turns a native pointer into a ref; Unsafe.Add then steps past the block.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* block = NativeMemory.Alloc(4 * sizeof(long));
        ref long first = ref Unsafe.AsRef<long>(block);
        for (int i = 0; i <= 4; i++)
            Unsafe.Add(ref first, i) = i;
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowThroughUnsafeAsRef.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 32-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowThroughUnsafeAsRef.cs:[[@LINE-8]] in Program.Main()
// CHECK-NOT: unreachable
