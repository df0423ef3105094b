// The same annotated arena: writing one int past a chunk lands in the poisoned redzone the arena keeps between chunks,
// and is reported (use-after-poison) with the arena call that poisoned it.
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
        int* first = (int*)arena.Allocate(32);
        int* second = (int*)arena.Allocate(32);
        second[0] = 7;
        for (int i = 0; i <= 8; i++) first[i] = i;
        Console.WriteLine(second[0]);
    }
}
// CHECK: ERROR: AddressSanitizer: use-after-poison on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ArenaRedzoneOverflow.cs:[[@LINE-6]]
// CHECK: [[ADDR]] is located 32 bytes inside of 4096-byte region
// CHECK: Memory was poisoned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in SharpSan.Annotations.MemoryPoisoning.Poison(...)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Arena..ctor(nuint) {{.*}}ArenaRedzoneOverflow.cs:[[@LINE-36]]
// CHECK: SUMMARY: AddressSanitizer: use-after-poison {{.*}}ArenaRedzoneOverflow.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: 7
