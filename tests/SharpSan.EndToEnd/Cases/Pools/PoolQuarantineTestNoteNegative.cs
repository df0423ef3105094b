// No quarantine note where it does not belong: an ordinary exception right after a Rent the quarantine changed,
// and an assertion that fails after that array went back to the pool, keep their messages. (The assertion
// exception stands in for xunit's: only its namespace matters.) pool_quarantine_size_mb=0 is Options/PoolQuarantineZeroNegative.
using System;
using System.Buffers;

namespace Xunit.Sdk
{
    public sealed class EqualException(string message) : Exception(message);
}

static class Program
{
    static void Main()
    {
        var pool = ArrayPool<int>.Shared;
        int[] first = pool.Rent(10);
        pool.Return(first);
        int[] second = pool.Rent(10);
        Console.WriteLine($"same array: {ReferenceEquals(first, second)}");
        try { throw new InvalidOperationException("not an assertion"); }
        catch (Exception e) { Console.WriteLine(e.Message); }
        pool.Return(second);
        try { throw new Xunit.Sdk.EqualException("Assert.Equal() Failure"); }
        catch (Exception e) { Console.WriteLine(e.Message); }
    }
}
// CHECK-NOT: ERROR:
// CHECK: same array: False
// CHECK-NEXT: not an assertion
// CHECK-NEXT: Assert.Equal() Failure
// CHECK-NOT: SharpSan:
// CHECK-NOT: ERROR:
