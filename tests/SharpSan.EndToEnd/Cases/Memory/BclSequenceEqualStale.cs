using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* tag = (byte*)NativeMemory.Alloc(4);
        tag[0] = 1;
        tag[1] = 2;
        tag[2] = 3;
        ReadOnlySpan<byte> expected = [1, 2, 3, 4];
        bool same = new ReadOnlySpan<byte>(tag, 4).SequenceEqual(expected);
        Console.WriteLine($"same {same}");
        NativeMemory.Free(tag);
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.MemoryExtensions.SequenceEqual<T>(ReadOnlySpan<T>, ReadOnlySpan<T>) at offset 3 inside [0, 4)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.MemoryExtensions.SequenceEqual<T>(ReadOnlySpan<T>, ReadOnlySpan<T>)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclSequenceEqualStale.cs:[[@LINE-10]]
// CHECK-NOT: same
