// Correct code that leaves checked frames by exceptions in every way (caught in checked code, rethrown, filtered,
// crossing finally blocks, swallowed by BCL code: Task.RunSynchronously, cancellation callbacks) while it uses native
// and stack buffers in bounds: nothing to report.
using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

static unsafe class Program
{
    static int* s_buffer;
    static int s_filtered;

    static void Throw(int depth)
    {
        int* local = stackalloc int[4];
        local[depth & 3] = depth;
        if (depth == 0) throw new InvalidOperationException("boom");
        Throw(depth - 1);
    }

    static int Sum(int* p, int n)
    {
        int sum = 0;
        for (int i = 0; i < n; i++) sum += p[i];
        return sum;
    }

    static bool Counts(Exception e)
    {
        s_filtered++;
        return s_buffer[0] >= 0 && e is InvalidOperationException;
    }

    static void Rethrows()
    {
        try { Throw(3); }
        catch (InvalidOperationException) { s_buffer[1]++; throw; }
    }

    static void CrossesFinally()
    {
        fixed (int* pinned = new int[4])
        {
            try { Throw(2); }
            finally { pinned[3] = Sum(s_buffer, 4); }
        }
    }

    static int Filtered()
    {
        try { Throw(3); return 0; }
        catch (Exception e) when (Counts(e)) { return Sum(s_buffer, 4); }
    }

    static void Main()
    {
        s_buffer = (int*)NativeMemory.AllocZeroed(16);
        for (int round = 0; round < 100; round++)
        {
            try { Rethrows(); } catch (InvalidOperationException) { }
            try { CrossesFinally(); } catch (InvalidOperationException) { }
            s_buffer[2] += Filtered();
            new Task(() => Throw(3)).RunSynchronously();
            using var cts = new CancellationTokenSource();
            cts.Token.Register(() => s_buffer[3]++);
            cts.Token.Register(() => Throw(2));
            try { cts.Cancel(); } catch (AggregateException) { }
            int* local = stackalloc int[4];
            for (int i = 0; i < 4; i++) local[i] = s_buffer[i];
        }
        Console.WriteLine($"rethrown {s_buffer[1]}, filtered {s_filtered}, callbacks {s_buffer[3]}, sum {Sum(s_buffer, 4)}");
        NativeMemory.Free(s_buffer);
    }
}
// CHECK-NOT: ERROR:
// CHECK: rethrown 100, filtered 100, callbacks 100, sum {{-?[0-9]+}}
// CHECK-NOT: ERROR:
