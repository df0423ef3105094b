using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* source = (byte*)NativeMemory.Alloc(8);
        byte* target = (byte*)NativeMemory.Alloc(8);
        NativeMemory.Clear(target, 8);
        source[0] = 7;
        new Span<byte>(source, 8).CopyTo(new Span<byte>(target, 8));
        int seen = 0;
        if (target[5] == 0) seen++;
        Console.WriteLine($"seen {seen}");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclSpanCopyToNativePropagates.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclSpanCopyToNativePropagates.cs:[[@LINE-16]]
// CHECK-NOT: seen
