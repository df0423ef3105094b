namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// TaskCompletionSource and TaskCompletionSource&lt;T&gt;: setting the outcome releases into the task's completion
/// before completing it, so whoever observes the task (await, Wait, Result) continues after the setter's work.
/// A Try… that loses also releases: an extra edge, which can only hide races.
/// </summary>
public static class TaskCompletionInterceptors
{
    const string Tcs = "System.Threading.Tasks.TaskCompletionSource";
    const string GenericTcs = "System.Threading.Tasks.TaskCompletionSource`1";

    [Intercepts(Tcs, "SetResult", Instance = true, Sanitizer = "thread")]
    public static void SetResult(TaskCompletionSource tcs) { TaskSync.Complete(tcs.Task); tcs.SetResult(); }

    [Intercepts(Tcs, "TrySetResult", Instance = true, Sanitizer = "thread")]
    public static bool TrySetResult(TaskCompletionSource tcs) { TaskSync.Complete(tcs.Task); return tcs.TrySetResult(); }

    [Intercepts(Tcs, "SetException", Instance = true, Sanitizer = "thread")]
    public static void SetException(TaskCompletionSource tcs, Exception exception) { TaskSync.Complete(tcs.Task); tcs.SetException(exception); }

    [Intercepts(Tcs, "SetException", Instance = true, Sanitizer = "thread")]
    public static void SetException(TaskCompletionSource tcs, IEnumerable<Exception> exceptions) { TaskSync.Complete(tcs.Task); tcs.SetException(exceptions); }

    [Intercepts(Tcs, "TrySetException", Instance = true, Sanitizer = "thread")]
    public static bool TrySetException(TaskCompletionSource tcs, Exception exception) { TaskSync.Complete(tcs.Task); return tcs.TrySetException(exception); }

    [Intercepts(Tcs, "TrySetException", Instance = true, Sanitizer = "thread")]
    public static bool TrySetException(TaskCompletionSource tcs, IEnumerable<Exception> exceptions) { TaskSync.Complete(tcs.Task); return tcs.TrySetException(exceptions); }

    [Intercepts(Tcs, "SetCanceled", Instance = true, Sanitizer = "thread")]
    public static void SetCanceled(TaskCompletionSource tcs) { TaskSync.Complete(tcs.Task); tcs.SetCanceled(); }

    [Intercepts(Tcs, "SetCanceled", Instance = true, Sanitizer = "thread")]
    public static void SetCanceled(TaskCompletionSource tcs, CancellationToken cancellationToken) { TaskSync.Complete(tcs.Task); tcs.SetCanceled(cancellationToken); }

    [Intercepts(Tcs, "TrySetCanceled", Instance = true, Sanitizer = "thread")]
    public static bool TrySetCanceled(TaskCompletionSource tcs) { TaskSync.Complete(tcs.Task); return tcs.TrySetCanceled(); }

    [Intercepts(Tcs, "TrySetCanceled", Instance = true, Sanitizer = "thread")]
    public static bool TrySetCanceled(TaskCompletionSource tcs, CancellationToken cancellationToken) { TaskSync.Complete(tcs.Task); return tcs.TrySetCanceled(cancellationToken); }

    [Intercepts(GenericTcs, "SetResult", Instance = true, Sanitizer = "thread")]
    public static void SetResult<TResult>(TaskCompletionSource<TResult> tcs, TResult result) { TaskSync.Complete(tcs.Task); tcs.SetResult(result); }

    [Intercepts(GenericTcs, "TrySetResult", Instance = true, Sanitizer = "thread")]
    public static bool TrySetResult<TResult>(TaskCompletionSource<TResult> tcs, TResult result) { TaskSync.Complete(tcs.Task); return tcs.TrySetResult(result); }

    [Intercepts(GenericTcs, "SetException", Instance = true, Sanitizer = "thread")]
    public static void SetException<TResult>(TaskCompletionSource<TResult> tcs, Exception exception) { TaskSync.Complete(tcs.Task); tcs.SetException(exception); }

    [Intercepts(GenericTcs, "SetException", Instance = true, Sanitizer = "thread")]
    public static void SetException<TResult>(TaskCompletionSource<TResult> tcs, IEnumerable<Exception> exceptions) { TaskSync.Complete(tcs.Task); tcs.SetException(exceptions); }

    [Intercepts(GenericTcs, "TrySetException", Instance = true, Sanitizer = "thread")]
    public static bool TrySetException<TResult>(TaskCompletionSource<TResult> tcs, Exception exception) { TaskSync.Complete(tcs.Task); return tcs.TrySetException(exception); }

    [Intercepts(GenericTcs, "TrySetException", Instance = true, Sanitizer = "thread")]
    public static bool TrySetException<TResult>(TaskCompletionSource<TResult> tcs, IEnumerable<Exception> exceptions) { TaskSync.Complete(tcs.Task); return tcs.TrySetException(exceptions); }

    [Intercepts(GenericTcs, "SetCanceled", Instance = true, Sanitizer = "thread")]
    public static void SetCanceled<TResult>(TaskCompletionSource<TResult> tcs) { TaskSync.Complete(tcs.Task); tcs.SetCanceled(); }

    [Intercepts(GenericTcs, "SetCanceled", Instance = true, Sanitizer = "thread")]
    public static void SetCanceled<TResult>(TaskCompletionSource<TResult> tcs, CancellationToken cancellationToken) { TaskSync.Complete(tcs.Task); tcs.SetCanceled(cancellationToken); }

    [Intercepts(GenericTcs, "TrySetCanceled", Instance = true, Sanitizer = "thread")]
    public static bool TrySetCanceled<TResult>(TaskCompletionSource<TResult> tcs) { TaskSync.Complete(tcs.Task); return tcs.TrySetCanceled(); }

    [Intercepts(GenericTcs, "TrySetCanceled", Instance = true, Sanitizer = "thread")]
    public static bool TrySetCanceled<TResult>(TaskCompletionSource<TResult> tcs, CancellationToken cancellationToken) { TaskSync.Complete(tcs.Task); return tcs.TrySetCanceled(cancellationToken); }
}
