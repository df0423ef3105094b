// Negative twin: the same poisoning ArrayPool<byte> subclass used correctly — rent, fill, return, rent the same array
// again and use all of it — stays silent.
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
        int sum = 0;
        for (int round = 0; round < 3; round++)
        {
            byte[] buffer = pool.Rent(48);
            for (int i = 0; i < 48; i++) buffer[i] = (byte)(i + round);
            for (int i = 0; i < 48; i++) sum += buffer[i];
            pool.Return(buffer, clearArray: round == 1);
        }
        Console.WriteLine($"sum {sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum 3528
// CHECK-NOT: ERROR:
