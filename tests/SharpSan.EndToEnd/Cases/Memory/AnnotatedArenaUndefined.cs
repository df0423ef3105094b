using System;
using System.Runtime.InteropServices;
using SharpSan.Annotations;

// A program's own arena over one zeroed block: without the annotation every block it hands out looks defined.
unsafe sealed class Arena
{
    readonly byte* _block = (byte*)NativeMemory.AllocZeroed(4096);
    int _used;

    public byte* Allocate(int size)
    {
        byte* p = _block + _used;
        _used += size;
        Memory.MarkUndefined(p, (nuint)size);
        return p;
    }
}

unsafe class Program
{
    static void Main()
    {
        var arena = new Arena();
        int* counts = (int*)arena.Allocate(16);
        counts[0] = 1;
        if (counts[0] > 0) Console.WriteLine("first written");
        if (counts[2] > 0) Console.WriteLine("third");
    }
}

// SANITIZE: memory
// CHECK: first written
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}AnnotatedArenaUndefined.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a call to SharpSan.Annotations.Memory.MarkUndefined
// CHECK-NEXT: #0 {{.*}} in SharpSan.Annotations.Memory.MarkUndefined
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Arena.Allocate(int) {{.*}}AnnotatedArenaUndefined.cs:[[@LINE-23]]
