// Guard mode keeps no shadow stack: a guarded fault is pending for its test until the test's next allocation call,
// or its end. A test returning ValueTask whose fault comes after an await and is its last allocation call fails when
// its ValueTask completes. (The test attribute is matched by name, as xunit's is; Main plays the runner.)
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

sealed class FactAttribute : Attribute { }

public class Tests
{
    [Fact]
    public async ValueTask OverflowAfterAwait()
    {
        await Task.Yield();
        Overflow();
    }

    static unsafe void Overflow()
    {
        byte* block = (byte*)NativeMemory.Alloc(56);
        for (int i = 0; i <= 56; i++) block[i] = 4;
    }
}

static class Program
{
    static void Main()
    {
        try
        {
            new Tests().OverflowAfterAwait().AsTask().Wait();
            Console.WriteLine("test passed");
        }
        catch (AggregateException e) when (e.InnerException?.GetType().Name == "SanitizerFindingException")
        {
            Console.WriteLine("test failed by its finding");
        }
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1:halt_on_error=0:fail_tests=1
// EXIT: 0
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK: #0 0x{{[0-9a-f]+}} in Tests.Overflow() {{.*}}TestEndValueTaskFault.cs:[[@LINE-23]]
// CHECK: test failed by its finding
// CHECK-NOT: test passed
