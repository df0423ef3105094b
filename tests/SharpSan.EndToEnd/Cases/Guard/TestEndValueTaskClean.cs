// The negative twin of TestEndValueTaskFault: a test returning ValueTask that writes inside its guarded block after
// an await completes without a finding, and its ValueTask's result is unchanged.
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

sealed class FactAttribute : Attribute { }

public class Tests
{
    [Fact]
    public async ValueTask WriteAfterAwait()
    {
        await Task.Yield();
        Write();
    }

    static unsafe void Write()
    {
        byte* block = (byte*)NativeMemory.Alloc(56);
        for (int i = 0; i < 56; i++) block[i] = 4;
        Console.WriteLine($"last byte {block[55]}");
        NativeMemory.Free(block);
    }
}

static class Program
{
    static void Main()
    {
        new Tests().WriteAfterAwait().AsTask().Wait();
        Console.WriteLine("test passed");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1:halt_on_error=0:fail_tests=1
// CHECK-NOT: ERROR:
// CHECK: last byte 4
// CHECK: test passed
// CHECK-NOT: ERROR:
