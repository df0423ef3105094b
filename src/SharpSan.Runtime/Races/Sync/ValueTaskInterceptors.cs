using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// ValueTask and ValueTask&lt;T&gt;: taking the result (await's GetResult, plain or configured, and Result) acquires
/// the completion of the Task or IValueTaskSource behind it; async ValueTask methods (plain and pooling builders)
/// release into it before completing. AsTask and Preserve make a task that completes with the source.
/// The source is read before GetResult: a pooled source may be reused as soon as its result was taken.
/// </summary>
public static class ValueTaskInterceptors
{
    const string CompilerServices = "System.Runtime.CompilerServices.";
    const string ValueTaskType = "System.Threading.Tasks.ValueTask";
    const string GenericValueTask = "System.Threading.Tasks.ValueTask`1";

    // ---- taking the result ----

    [Intercepts(CompilerServices + "ValueTaskAwaiter", "GetResult", Instance = true, Sanitizer = "thread")]
    public static void GetResult(ref ValueTaskAwaiter awaiter)
    {
        var source = ValueTaskSync.SourceOf(ref Unsafe.As<ValueTaskAwaiter, ValueTask>(ref awaiter));
        try { awaiter.GetResult(); }
        finally { ValueTaskSync.Observe(source); }
    }

    [Intercepts(CompilerServices + "ValueTaskAwaiter`1", "GetResult", Instance = true, Sanitizer = "thread")]
    public static TResult GetResult<TResult>(ref ValueTaskAwaiter<TResult> awaiter)
    {
        var source = ValueTaskSync.SourceOf(ref Unsafe.As<ValueTaskAwaiter<TResult>, ValueTask<TResult>>(ref awaiter));
        try { return awaiter.GetResult(); }
        finally { ValueTaskSync.Observe(source); }
    }

    [Intercepts(CompilerServices + "ConfiguredValueTaskAwaitable/ConfiguredValueTaskAwaiter", "GetResult", Instance = true, Sanitizer = "thread")]
    public static void GetResult(ref ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter awaiter)
    {
        var source = ValueTaskSync.SourceOf(ref Unsafe.As<ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter, ValueTask>(ref awaiter));
        try { awaiter.GetResult(); }
        finally { ValueTaskSync.Observe(source); }
    }

    [Intercepts(CompilerServices + "ConfiguredValueTaskAwaitable`1/ConfiguredValueTaskAwaiter", "GetResult", Instance = true, Sanitizer = "thread")]
    public static TResult GetResult<TResult>(ref ConfiguredValueTaskAwaitable<TResult>.ConfiguredValueTaskAwaiter awaiter)
    {
        var source = ValueTaskSync.SourceOf(ref Unsafe.As<ConfiguredValueTaskAwaitable<TResult>.ConfiguredValueTaskAwaiter, ValueTask<TResult>>(ref awaiter));
        try { return awaiter.GetResult(); }
        finally { ValueTaskSync.Observe(source); }
    }

    [Intercepts(GenericValueTask, "get_Result", Instance = true, Sanitizer = "thread")]
    public static TResult Result<TResult>(ref ValueTask<TResult> task)
    {
        var source = ValueTaskSync.SourceOf(ref task);
        try { return task.Result; }
        finally { ValueTaskSync.Observe(source); }
    }

    // ---- turning into a Task ----

    [Intercepts(ValueTaskType, "AsTask", Instance = true, Sanitizer = "thread")]
    public static Task AsTask(ref ValueTask task)
    {
        var source = ValueTaskSync.SourceOf(ref task);
        var result = task.AsTask();
        ValueTaskSync.Forward(source, result);
        return result;
    }

    [Intercepts(GenericValueTask, "AsTask", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> AsTask<TResult>(ref ValueTask<TResult> task)
    {
        var source = ValueTaskSync.SourceOf(ref task);
        var result = task.AsTask();
        ValueTaskSync.Forward(source, result);
        return result;
    }

    [Intercepts(ValueTaskType, "Preserve", Instance = true, Sanitizer = "thread")]
    public static ValueTask Preserve(ref ValueTask task)
    {
        var source = ValueTaskSync.SourceOf(ref task);
        var result = task.Preserve();
        if (ValueTaskSync.SourceOf(ref result) is Task preserved) ValueTaskSync.Forward(source, preserved);
        return result;
    }

    [Intercepts(GenericValueTask, "Preserve", Instance = true, Sanitizer = "thread")]
    public static ValueTask<TResult> Preserve<TResult>(ref ValueTask<TResult> task)
    {
        var source = ValueTaskSync.SourceOf(ref task);
        var result = task.Preserve();
        if (ValueTaskSync.SourceOf(ref result) is Task preserved) ValueTaskSync.Forward(source, preserved);
        return result;
    }

    // ---- async ValueTask methods completing ----

    [Intercepts(CompilerServices + "AsyncValueTaskMethodBuilder", "SetResult", Instance = true, Sanitizer = "thread")]
    public static void SetResult(ref AsyncValueTaskMethodBuilder builder)
    {
        ValueTaskSync.Complete(ValueTaskSync.TaskOf(ref builder));
        builder.SetResult();
    }

    [Intercepts(CompilerServices + "AsyncValueTaskMethodBuilder", "SetException", Instance = true, Sanitizer = "thread")]
    public static void SetException(ref AsyncValueTaskMethodBuilder builder, Exception exception)
    {
        ValueTaskSync.Complete(ValueTaskSync.TaskOf(ref builder));
        builder.SetException(exception);
    }

    [Intercepts(CompilerServices + "AsyncValueTaskMethodBuilder`1", "SetResult", Instance = true, Sanitizer = "thread")]
    public static void SetResult<TResult>(ref AsyncValueTaskMethodBuilder<TResult> builder, TResult result)
    {
        ValueTaskSync.Complete(ValueTaskSync.TaskOf(ref builder));
        builder.SetResult(result);
    }

    [Intercepts(CompilerServices + "AsyncValueTaskMethodBuilder`1", "SetException", Instance = true, Sanitizer = "thread")]
    public static void SetException<TResult>(ref AsyncValueTaskMethodBuilder<TResult> builder, Exception exception)
    {
        ValueTaskSync.Complete(ValueTaskSync.TaskOf(ref builder));
        builder.SetException(exception);
    }

    [Intercepts(CompilerServices + "PoolingAsyncValueTaskMethodBuilder", "SetResult", Instance = true, Sanitizer = "thread")]
    public static void SetResult(ref PoolingAsyncValueTaskMethodBuilder builder)
    {
        ValueTaskSync.Complete(ValueTaskSync.TaskOf(ref builder));
        builder.SetResult();
    }

    [Intercepts(CompilerServices + "PoolingAsyncValueTaskMethodBuilder", "SetException", Instance = true, Sanitizer = "thread")]
    public static void SetException(ref PoolingAsyncValueTaskMethodBuilder builder, Exception exception)
    {
        ValueTaskSync.Complete(ValueTaskSync.TaskOf(ref builder));
        builder.SetException(exception);
    }

    [Intercepts(CompilerServices + "PoolingAsyncValueTaskMethodBuilder`1", "SetResult", Instance = true, Sanitizer = "thread")]
    public static void SetResult<TResult>(ref PoolingAsyncValueTaskMethodBuilder<TResult> builder, TResult result)
    {
        ValueTaskSync.Complete(ValueTaskSync.TaskOf(ref builder));
        builder.SetResult(result);
    }

    [Intercepts(CompilerServices + "PoolingAsyncValueTaskMethodBuilder`1", "SetException", Instance = true, Sanitizer = "thread")]
    public static void SetException<TResult>(ref PoolingAsyncValueTaskMethodBuilder<TResult> builder, Exception exception)
    {
        ValueTaskSync.Complete(ValueTaskSync.TaskOf(ref builder));
        builder.SetException(exception);
    }
}
