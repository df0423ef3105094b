// Task.Factory.FromAsync over a hand-written Begin/End pair whose operation completes on its own thread: the end
// method runs there (from the callback) and stores the result; the task completes after the end method returns, so
// Wait and Result order the caller after the end method's writes. The caller's writes before the call happen before
// the end method too.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Demo;

sealed class Operation : IAsyncResult
{
    public object? AsyncState { get; init; }
    public WaitHandle AsyncWaitHandle => throw new NotSupportedException();
    public bool CompletedSynchronously => false;
    public bool IsCompleted { get; set; }
    public int Value;
}

class Device
{
    public int offset;
    public int lastRead;

    public IAsyncResult BeginRead(AsyncCallback callback, object? state)
    {
        var operation = new Operation { AsyncState = state };
        new Thread(() =>
        {
            operation.Value = 41;
            operation.IsCompleted = true;
            callback(operation);
        }).Start();
        return operation;
    }

    public int EndRead(IAsyncResult result)
    {
        lastRead = ((Operation)result).Value + offset;
        return lastRead;
    }
}

static class Program
{
    static void Main()
    {
        var device = new Device();
        device.offset = 1;
        var read = Task<int>.Factory.FromAsync(device.BeginRead, device.EndRead, null);
        Console.WriteLine($"result {read.Result} last {device.lastRead}");
        var again = Task.Factory.FromAsync(device.BeginRead, r => { device.EndRead(r); }, null);
        again.Wait();
        device.lastRead = 0;
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: result 42 last 42
// CHECK: done
// CHECK-NOT: ThreadSanitizer
