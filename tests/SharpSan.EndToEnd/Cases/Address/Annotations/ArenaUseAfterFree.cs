// A user's arena over one NativeMemory block, annotated like ASan's: free chunks and the redzones between chunks are
// poisoned. A chunk read after the arena freed it is reported (use-after-poison), naming the arena's Free.
using System;
using System.Runtime.InteropServices;
using SharpSan.Annotations;

unsafe sealed class Arena : IDisposable
{
    const int Redzone = 16;
    readonly byte* _block;
    readonly nuint _size;
    nuint _used;

    public Arena(nuint size)
    {
        _size = size;
        _block = (byte*)NativeMemory.Alloc(size);
        MemoryPoisoning.Poison(_block, size);
    }

    public void* Allocate(nuint bytes)
    {
        nuint rounded = (bytes + 7) & ~(nuint)7;
        if (_used + rounded + Redzone > _size) throw new OutOfMemoryException("arena full");
        byte* chunk = _block + _used;
        MemoryPoisoning.Unpoison(chunk, bytes);
        _used += rounded + Redzone;   // the redzone after the chunk stays poisoned
        return chunk;
    }

    public void Free(void* chunk, nuint bytes) => MemoryPoisoning.Poison(chunk, bytes);

    public void Dispose() => NativeMemory.Free(_block);
}

static unsafe class Program
{
    static void Main()
    {
        using var arena = new Arena(4096);
        int* numbers = (int*)arena.Allocate(64);
        for (int i = 0; i < 16; i++) numbers[i] = i;
        arena.Free(numbers, 64);
        Console.WriteLine("freed");
        Console.WriteLine(numbers[3]);
    }
}
// CHECK: freed
// CHECK: ERROR: AddressSanitizer: use-after-poison on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ArenaUseAfterFree.cs:[[@LINE-6]]
// CHECK: [[ADDR]] is located 12 bytes inside of 4096-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Arena..ctor(nuint) {{.*}}ArenaUseAfterFree.cs:[[@LINE-38]]
// CHECK: Memory was poisoned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in SharpSan.Annotations.MemoryPoisoning.Poison(...)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Arena.Free(void*, nuint) {{.*}}ArenaUseAfterFree.cs:[[@LINE-27]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ArenaUseAfterFree.cs:[[@LINE-16]]
// CHECK: Shadow bytes around the buggy address:
// CHECK: SUMMARY: AddressSanitizer: use-after-poison {{.*}}ArenaUseAfterFree.cs:[[@LINE-16]] in Program.Main()
