namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// TaskFactory.FromAsync over a Begin/End pair: the end method runs (on whichever thread completes the operation) after
/// the caller started the call, and the task completes after the end method returns, so what the end method did
/// happens before Wait, Result, await and continuations of the task. The end method is wrapped as a work item queued
/// by the caller; its end is the task's completion.
/// </summary>
public static class FromAsyncInterceptors
{
    const string Factory = "System.Threading.Tasks.TaskFactory";
    const string GenericFactory = "System.Threading.Tasks.TaskFactory`1";
    const string Api = "System.Threading.Tasks.TaskFactory.FromAsync";

    static TTask Bound<TTask>(TTask task, WorkItem work) where TTask : Task
    {
        TaskSync.Bind(task, work.Completion);
        return task;
    }

    static Action<IAsyncResult> End(WorkItem work, Action<IAsyncResult> endMethod) => result =>
    {
        work.Begin();
        try { endMethod(result); }
        finally { work.End(); }
    };

    static Func<IAsyncResult, TResult> End<TResult>(WorkItem work, Func<IAsyncResult, TResult> endMethod) => result =>
    {
        work.Begin();
        try { return endMethod(result); }
        finally { work.End(); }
    };

    // ---- TaskFactory ----

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task FromAsync(TaskFactory factory, IAsyncResult asyncResult, Action<IAsyncResult> endMethod)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(asyncResult, End(w, endMethod)), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task FromAsync(TaskFactory factory, IAsyncResult asyncResult, Action<IAsyncResult> endMethod, TaskCreationOptions creationOptions)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(asyncResult, End(w, endMethod), creationOptions), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task FromAsync(TaskFactory factory, IAsyncResult asyncResult, Action<IAsyncResult> endMethod, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(asyncResult, End(w, endMethod), creationOptions, scheduler), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task FromAsync(TaskFactory factory, Func<AsyncCallback, object?, IAsyncResult> beginMethod, Action<IAsyncResult> endMethod, object? state)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(beginMethod, End(w, endMethod), state), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task FromAsync(TaskFactory factory, Func<AsyncCallback, object?, IAsyncResult> beginMethod, Action<IAsyncResult> endMethod, object? state, TaskCreationOptions creationOptions)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(beginMethod, End(w, endMethod), state, creationOptions), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task FromAsync<TArg1>(TaskFactory factory, Func<TArg1, AsyncCallback, object?, IAsyncResult> beginMethod, Action<IAsyncResult> endMethod, TArg1 arg1, object? state)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(beginMethod, End(w, endMethod), arg1, state), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task FromAsync<TArg1, TArg2>(TaskFactory factory, Func<TArg1, TArg2, AsyncCallback, object?, IAsyncResult> beginMethod, Action<IAsyncResult> endMethod, TArg1 arg1, TArg2 arg2, object? state)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(beginMethod, End(w, endMethod), arg1, arg2, state), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(asyncResult, End(w, endMethod)), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, Func<AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, object? state)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(beginMethod, End(w, endMethod), state), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, Func<AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, object? state, TaskCreationOptions creationOptions)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(beginMethod, End(w, endMethod), state, creationOptions), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> FromAsync<TArg1, TResult>(TaskFactory factory, Func<TArg1, AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, TArg1 arg1, object? state)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(beginMethod, End(w, endMethod), arg1, state), w); }

    [Intercepts(Factory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> FromAsync<TArg1, TArg2, TResult>(TaskFactory factory, Func<TArg1, TArg2, AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, TArg1 arg1, TArg2 arg2, object? state)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(beginMethod, End(w, endMethod), arg1, arg2, state), w); }

    // ---- TaskFactory<TResult> (Task<int>.Factory.FromAsync) ----

    [Intercepts(GenericFactory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> FromAsync<TResult>(TaskFactory<TResult> factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(asyncResult, End(w, endMethod)), w); }

    [Intercepts(GenericFactory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> FromAsync<TResult>(TaskFactory<TResult> factory, Func<AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, object? state)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(beginMethod, End(w, endMethod), state), w); }

    [Intercepts(GenericFactory, "FromAsync", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> FromAsync<TResult, TArg1>(TaskFactory<TResult> factory, Func<TArg1, AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, TArg1 arg1, object? state)
    { var w = new WorkItem(Api); return Bound(factory.FromAsync(beginMethod, End(w, endMethod), arg1, state), w); }
}
