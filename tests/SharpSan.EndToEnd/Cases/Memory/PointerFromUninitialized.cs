using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte** table = (byte**)NativeMemory.Alloc(4, (nuint)sizeof(byte*));
        byte* buffer = (byte*)NativeMemory.AllocZeroed(8);
        byte* entry = buffer + ((nuint)table[2] & 7);   // in bounds whatever the garbage: the run is defined without SharpSan too
        Console.WriteLine(*entry);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PointerFromUninitialized.cs:[[@LINE-6]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PointerFromUninitialized.cs:[[@LINE-12]]
