using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// Unsafe.ReadUnaligned<T> is a load: its value carries the shadow of the bytes read, bit-exact (the defined low
// byte can be tested; the undefined rest cannot).
unsafe class Program
{
    static void Main()
    {
        byte* buffer = (byte*)NativeMemory.Alloc(16);
        buffer[0] = 0x2A;
        uint word = Unsafe.ReadUnaligned<uint>(buffer);
        if ((word & 0xFF) == 0x2A) Console.WriteLine("low byte defined");
        if (word > 0x100)
            Console.WriteLine("large");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: low byte defined
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeReadUnalignedBranch.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: done
