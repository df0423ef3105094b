// Negative twin: the annotated arena used correctly — every byte of each chunk (odd sizes: a partial last granule
// stays addressable up to the chunk's end), chunks freed and the arena reset and reused — stays silent.
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
        long sum = 0;
        foreach (nuint size in new nuint[] { 13, 1, 64, 7, 100 })
        {
            byte* chunk = (byte*)arena.Allocate(size);
            for (nuint i = 0; i < size; i++) chunk[i] = (byte)i;
            for (nuint i = 0; i < size; i++) sum += chunk[i];
            arena.Free(chunk, size);
        }
        byte* whole = (byte*)arena.Allocate(200);
        new Span<byte>(whole, 200).Fill(1);
        foreach (byte b in new ReadOnlySpan<byte>(whole, 200)) sum += b;
        Console.WriteLine($"sum {sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum 7265
// CHECK-NOT: ERROR:
