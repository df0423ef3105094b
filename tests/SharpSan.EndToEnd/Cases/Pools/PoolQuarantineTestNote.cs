// A test that asserts the pool hands back the array it just returned fails under the checking pool's quarantine;
// the assertion's message then says why and names the option that restores the BCL's behaviour. (The assertion
// exception stands in for xunit's: only its namespace matters.)
using System;
using System.Buffers;

namespace Xunit.Sdk
{
    public sealed class SameException(string message) : Exception(message);
}

static class Program
{
    static void AssertSame(object expected, object actual)
    {
        if (!ReferenceEquals(expected, actual)) throw new Xunit.Sdk.SameException("Assert.Same() Failure: Values are not the same instance");
    }

    static void Main()
    {
        var pool = ArrayPool<byte>.Shared;
        byte[] first = pool.Rent(100);
        pool.Return(first);
        byte[] second = pool.Rent(100);
        try { AssertSame(first, second); }
        catch (Exception e) { Console.WriteLine("test failed: " + e.Message); }
        pool.Return(second);
    }
}
// CHECK-NOT: ERROR:
// CHECK: SharpSan: note: a test assertion failed right after a Rent.
// CHECK: test failed: Assert.Same() Failure: Values are not the same instance
// CHECK-NEXT: SharpSan: ArrayPool<byte>.Rent(100) handed out a different array than ArrayPool.Shared would have: the array returned last is held back in SharpSan's pool quarantine (to catch pool-use-after-return). A test that expects the pool to hand back the same array passes with SHARPSAN_OPTIONS=pool_quarantine_size_mb=0.
// CHECK-NOT: ERROR:
