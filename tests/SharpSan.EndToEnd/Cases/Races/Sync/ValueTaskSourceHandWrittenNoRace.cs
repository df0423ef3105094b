// A hand-written IValueTaskSource<T> (no ManualResetValueTaskSourceCore): the producer thread writes data, then
// completes the source, which hands the awaiter's continuation over through Interlocked and runs it. The code after
// `await` comes after the completion, and so does waiting for the task AsTask makes of the source (completed by the
// BCL on the producer's thread after it took the result): both read the producer's data without a race.
using System;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace Demo;

sealed class Signal : IValueTaskSource<int>
{
    static readonly Action<object?> s_completed = _ => { };
    Action<object?>? _continuation;
    object? _state;
    int _result;
    int _done;

    public void SetResult(int result)
    {
        _result = result;
        Volatile.Write(ref _done, 1);
        var continuation = Interlocked.Exchange(ref _continuation, s_completed);
        continuation?.Invoke(_state);
    }

    public ValueTaskSourceStatus GetStatus(short token) =>
        Volatile.Read(ref _done) == 1 ? ValueTaskSourceStatus.Succeeded : ValueTaskSourceStatus.Pending;

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
    {
        _state = state;
        if (Interlocked.CompareExchange(ref _continuation, continuation, null) is not null)
            ThreadPool.QueueUserWorkItem(continuation, state, preferLocal: false);
    }

    public int GetResult(short token) => _result;
}

class Data { public int value; }

static class Program
{
    static async Task<int> Consume(Signal signal, Data data)
    {
        int result = await new ValueTask<int>(signal, 0);
        return result + data.value;
    }

    static void Main()
    {
        var signal = new Signal();
        var data = new Data();
        var consumer = Consume(signal, data);
        var producer = new Thread(() =>
        {
            data.value = 40;
            signal.SetResult(2);
        });
        producer.Start();
        Console.WriteLine($"result {consumer.Result}");
        producer.Join();

        var second = new Signal();
        var asTask = new ValueTask<int>(second, 0).AsTask();
        var other = new Thread(() =>
        {
            data.value = 50;
            second.SetResult(7);
        });
        other.Start();
        asTask.Wait();
        Console.WriteLine($"as task {asTask.Result + data.value}");
        other.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: result 42
// CHECK: as task 57
// CHECK-NOT: ThreadSanitizer
