// The twin of ValueTaskSourceHandWrittenNoRace: the producer writes after completing the hand-written source. Waiting
// for the task AsTask made of it orders the waiter after the completion, not after that later write: a race (the test
// barrier makes the write come first).
using System;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;
using SharpSan.Annotations;

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

class Data { public int value; public int late; }

static class Program
{
    static void Main()
    {
        var data = new Data();
        var barrier = new RaceTestBarrier(2);
        var signal = new Signal();
        var asTask = new ValueTask<int>(signal, 0).AsTask();
        var producer = new Thread(() =>
        {
            data.value = 50;
            signal.SetResult(7);
            data.late = 1;
            barrier.Wait();
        });
        producer.Start();
        asTask.Wait();
        barrier.Wait();
        Console.WriteLine($"as task {asTask.Result + data.value + data.late}");
        producer.Join();
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}ValueTaskSourceHandWrittenLateWriteRace.cs:[[@LINE-7]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}ValueTaskSourceHandWrittenLateWriteRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Data.late of object of type Demo.Data.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: as task 58
