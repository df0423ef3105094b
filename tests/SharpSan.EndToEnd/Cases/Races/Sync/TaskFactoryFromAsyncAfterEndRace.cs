// The twin of TaskFactoryFromAsyncNoRace: the operation's thread goes on after the callback and writes again. Waiting
// for the FromAsync task orders the caller after the end method, not after what that thread does later, so the read
// races (the test barrier makes the write come first).
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

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
    public readonly RaceTestBarrier Barrier = new(2);
    public int reads;

    public IAsyncResult BeginRead(AsyncCallback callback, object? state)
    {
        var operation = new Operation { AsyncState = state };
        new Thread(() =>
        {
            operation.Value = 41;
            operation.IsCompleted = true;
            callback(operation);
            reads = 1;
            Barrier.Wait();
        }).Start();
        return operation;
    }

    public int EndRead(IAsyncResult result) => ((Operation)result).Value + 1;
}

static class Program
{
    static void Main()
    {
        var device = new Device();
        var read = Task<int>.Factory.FromAsync(device.BeginRead, device.EndRead, null);
        int value = read.Result;
        device.Barrier.Wait();
        Console.WriteLine($"result {value} reads {device.reads}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}TaskFactoryFromAsyncAfterEndRace.cs:[[@LINE-6]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}TaskFactoryFromAsyncAfterEndRace.cs:[[@LINE-25]]
// CHECK: Location is field Demo.Device.reads of object of type Demo.Device.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: result 42 reads 1
