// A table of pointers read one slot too far: a pointer-sized (8-byte) load.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void** table = (void**)NativeMemory.Alloc((nuint)(2 * sizeof(void*)));
        table[0] = table;
        table[1] = null;
        int count = 0;
        for (int i = 0; i <= 2; i++)
            if (table[i] != null) count++;
        Console.WriteLine(count);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PointerReadOverflow.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PointerReadOverflow.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}PointerReadOverflow.cs:[[@LINE-9]] in Program.Main()
