// A hand-written reusable IValueTaskSource on ManualResetValueTaskSourceCore (the pattern of pooled socket and pipe
// operations): a worker thread fills the payload and completes the core; the awaiting code reads the payload after
// the await. The same source object is reused for every round. No report.
using System;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

sealed class Operation : IValueTaskSource<int>
{
    ManualResetValueTaskSourceCore<int> _core;
    public int Payload;

    public ValueTask<int> Start(int round)
    {
        _core.Reset();
        var worker = new Thread(() =>
        {
            Payload = round * 10;
            _core.SetResult(round);
        });
        worker.IsBackground = true;
        worker.Start();
        return new ValueTask<int>(this, _core.Version);
    }

    public int GetResult(short token) => _core.GetResult(token);
    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}

static class Program
{
    static async Task<int> RunAsync(Operation operation)
    {
        int sum = 0;
        for (int round = 1; round <= 3; round++)
        {
            int result = await operation.Start(round);
            sum += result + operation.Payload;
        }
        return sum;
    }

    static void Main()
    {
        Console.WriteLine("sum " + RunAsync(new Operation()).Result);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 66
// CHECK-NOT: ThreadSanitizer
