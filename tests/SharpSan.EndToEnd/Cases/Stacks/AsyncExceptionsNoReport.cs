// Correct async code whose awaited tasks fault through checked frames on pool threads and in-line, caught across
// awaits, in async iterators and ValueTask methods, while native buffers are used in bounds: nothing to report.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static class Program
{
    static unsafe int* s_buffer;

    static unsafe int At(int i) => s_buffer[i];

    static void Throw(int depth)
    {
        if (depth == 0) throw new InvalidOperationException("boom");
        Throw(depth - 1);
    }

    static async Task<int> FaultAfterYield(int depth)
    {
        await Task.Yield();
        Throw(depth);
        return 0;
    }

    static async ValueTask<int> Guarded(int i)
    {
        try { return await FaultAfterYield(i % 3); }
        catch (InvalidOperationException) when (At(i & 3) >= 0) { return At(i & 3); }
    }

    static async IAsyncEnumerable<int> Numbers()
    {
        for (int i = 0; i < 4; i++)
        {
            await Task.Yield();
            try { Throw(i); }
            catch (InvalidOperationException) { }
            yield return At(i);
        }
    }

    static async Task<int> Run()
    {
        int total = 0;
        for (int i = 0; i < 50; i++)
        {
            total += await Guarded(i);
            var faulting = new Task(() => Throw(2));
            var awaiting = AwaitFaulted(faulting);
            faulting.Start();
            total += await awaiting;
        }
        await foreach (int n in Numbers()) total += n;
        return total;
    }

    static async Task<int> AwaitFaulted(Task faulting)
    {
        try { await faulting; }
        catch (InvalidOperationException) { }
        return At(3);
    }

    static unsafe void Main()
    {
        s_buffer = (int*)NativeMemory.AllocZeroed(16);
        for (int i = 0; i < 4; i++) s_buffer[i] = i;
        Console.WriteLine("total " + Run().GetAwaiter().GetResult());
        NativeMemory.Free(s_buffer);
    }
}
// CHECK-NOT: ERROR:
// CHECK: total {{[0-9]+}}
// CHECK-NOT: ERROR:
