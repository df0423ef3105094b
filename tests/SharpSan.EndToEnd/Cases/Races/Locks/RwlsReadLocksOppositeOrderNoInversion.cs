// Two threads take the read locks of two ReaderWriterLockSlims in opposite orders. Readers share a lock, so neither
// can block the other: not a lock-order inversion (TSan does not report read-read cycles either). The data read
// under the locks was written before the threads started: no race either.
using System;
using System.Threading;

static class Program
{
    static readonly ReaderWriterLockSlim A = new(), B = new();
    static int[] s_data = [1, 2];

    static int ReadBoth(ReaderWriterLockSlim first, ReaderWriterLockSlim second)
    {
        first.EnterReadLock();
        try
        {
            second.EnterReadLock();
            try { return s_data[0] + s_data[1]; }
            finally { second.ExitReadLock(); }
        }
        finally { first.ExitReadLock(); }
    }

    static void Main()
    {
        int main = ReadBoth(A, B), other = 0;
        var worker = new Thread(() => other = ReadBoth(B, A));
        worker.Start();
        worker.Join();
        Console.WriteLine("sums " + main + " " + other);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sums 3 3
// CHECK-NOT: ThreadSanitizer
