// A user's own ArrayPool<byte> subclass over pinned arrays that poisons an array when it is returned and unpoisons
// the requested length when it is rented: reading a returned array is reported, naming the pool's Return.
using System;
using System.Buffers;
using System.Collections.Generic;
using SharpSan.Annotations;

sealed class PoisoningPool : ArrayPool<byte>
{
    readonly Stack<byte[]> _free = new();

    public override byte[] Rent(int minimumLength)
    {
        byte[] array = _free.Count > 0 && _free.Peek().Length >= minimumLength ? _free.Pop() : GC.AllocateArray<byte>(Math.Max(minimumLength, 64), pinned: true);
        MemoryPoisoning.Unpoison(array, 0, minimumLength);
        return array;
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        if (clearArray) Array.Clear(array);
        MemoryPoisoning.Poison(array, 0, array.Length);
        _free.Push(array);
    }
}

static class Program
{
    static void Main()
    {
        var pool = new PoisoningPool();
        byte[] buffer = pool.Rent(32);
        buffer[5] = 42;
        pool.Return(buffer);
        Console.WriteLine("returned");
        Console.WriteLine(buffer[5]);
    }
}
// CHECK: returned
// CHECK: ERROR: AddressSanitizer: use-after-poison on address
// CHECK-NEXT: READ of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturn.cs:[[@LINE-6]]
// CHECK: Memory was poisoned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in SharpSan.Annotations.MemoryPoisoning.Poison(...)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in PoisoningPool.Return(byte[], bool) {{.*}}PoolUseAfterReturn.cs:[[@LINE-23]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturn.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: use-after-poison {{.*}}PoolUseAfterReturn.cs:[[@LINE-11]] in Program.Main()
