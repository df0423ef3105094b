using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Tasks: Task.Run forks a work item whose completion the task carries; Wait, Result, WaitAll and awaiting
/// (GetResult) acquire the completion; async methods release into their task when their builder completes it.
/// </summary>
public static class TaskInterceptors
{
    const string TaskType = "System.Threading.Tasks.Task";
    const string GenericTask = "System.Threading.Tasks.Task`1";

    static TTask Bound<TTask>(TTask task, WorkItem work) where TTask : Task
    {
        TaskSync.Bind(task, work.Completion);
        return task;
    }

    [Intercepts(TaskType, "Run", Sanitizer = "thread")]
    public static Task Run(Action action)
    {
        var work = new WorkItem("System.Threading.Tasks.Task.Run(System.Action)");
        return Bound(Task.Run(work.Wrap(action)), work);
    }

    [Intercepts(TaskType, "Run", Sanitizer = "thread")]
    public static Task Run(Action action, CancellationToken cancellationToken)
    {
        var work = new WorkItem("System.Threading.Tasks.Task.Run(System.Action, System.Threading.CancellationToken)");
        return Bound(Task.Run(work.Wrap(action), cancellationToken), work);
    }

    [Intercepts(TaskType, "Run", Sanitizer = "thread")]
    public static Task<TResult> Run<TResult>(Func<TResult> function)
    {
        var work = new WorkItem("System.Threading.Tasks.Task.Run<TResult>(System.Func<TResult>)");
        return Bound(Task.Run(work.Wrap(function)), work);
    }

    [Intercepts(TaskType, "Run", Sanitizer = "thread")]
    public static Task<TResult> Run<TResult>(Func<TResult> function, CancellationToken cancellationToken)
    {
        var work = new WorkItem("System.Threading.Tasks.Task.Run<TResult>(System.Func<TResult>, System.Threading.CancellationToken)");
        return Bound(Task.Run(work.Wrap(function), cancellationToken), work);
    }

    [Intercepts(TaskType, "Run", Sanitizer = "thread")]
    public static Task Run(Func<Task?> function)
    {
        var work = new WorkItem("System.Threading.Tasks.Task.Run(System.Func<System.Threading.Tasks.Task>)");
        return Bound(Task.Run(work.WrapAsync(function)), work);
    }

    [Intercepts(TaskType, "Run", Sanitizer = "thread")]
    public static Task Run(Func<Task?> function, CancellationToken cancellationToken)
    {
        var work = new WorkItem("System.Threading.Tasks.Task.Run(System.Func<System.Threading.Tasks.Task>, System.Threading.CancellationToken)");
        return Bound(Task.Run(work.WrapAsync(function), cancellationToken), work);
    }

    [Intercepts(TaskType, "Run", Sanitizer = "thread")]
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function)
    {
        var work = new WorkItem("System.Threading.Tasks.Task.Run<TResult>(System.Func<System.Threading.Tasks.Task<TResult>>)");
        return Bound(Task.Run(work.WrapAsync(function)), work);
    }

    [Intercepts(TaskType, "Run", Sanitizer = "thread")]
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function, CancellationToken cancellationToken)
    {
        var work = new WorkItem("System.Threading.Tasks.Task.Run<TResult>(System.Func<System.Threading.Tasks.Task<TResult>>, System.Threading.CancellationToken)");
        return Bound(Task.Run(work.WrapAsync(function), cancellationToken), work);
    }

    // ---- observing completion ----

    [Intercepts(TaskType, "Wait", Instance = true, Sanitizer = "thread")]
    public static void Wait(Task task)
    {
        try { task.Wait(); }
        finally { TaskSync.AcquireCompletion(task); }
    }

    [Intercepts(TaskType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(Task task, int millisecondsTimeout) => Completed(task, task.Wait(millisecondsTimeout));

    [Intercepts(TaskType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(Task task, TimeSpan timeout) => Completed(task, task.Wait(timeout));

    [Intercepts(TaskType, "Wait", Instance = true, Sanitizer = "thread")]
    public static void Wait(Task task, CancellationToken cancellationToken)
    {
        task.Wait(cancellationToken);
        TaskSync.AcquireCompletion(task);
    }

    [Intercepts(TaskType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(Task task, int millisecondsTimeout, CancellationToken cancellationToken) =>
        Completed(task, task.Wait(millisecondsTimeout, cancellationToken));

    [Intercepts(GenericTask, "get_Result", Instance = true, Sanitizer = "thread")]
    public static TResult Result<TResult>(Task<TResult> task)
    {
        try { return task.Result; }
        finally { TaskSync.AcquireCompletion(task); }
    }

    [Intercepts(TaskType, "WaitAll", Sanitizer = "thread")]
    public static void WaitAll(params Task[] tasks)
    {
        try { Task.WaitAll(tasks); }
        finally { foreach (var t in tasks) TaskSync.AcquireCompletion(t); }
    }

    [Intercepts(TaskType, "WaitAll", Sanitizer = "thread")]
    public static bool WaitAll(Task[] tasks, int millisecondsTimeout)
    {
        bool all = Task.WaitAll(tasks, millisecondsTimeout);
        foreach (var t in tasks) if (t.IsCompleted) TaskSync.AcquireCompletion(t);
        return all;
    }

    [Intercepts(TaskType, "WhenAll", Sanitizer = "thread")]
    public static Task WhenAll(params Task[] tasks) => Derived(Task.WhenAll(tasks), tasks);

    // .NET 9+ `params ReadOnlySpan<Task>` overloads, which C# 13 prefers for Task.WaitAll(a, b) / Task.WhenAll(a, b).
    [Intercepts(TaskType, "WaitAll", Sanitizer = "thread")]
    public static void WaitAll(ReadOnlySpan<Task> tasks) => WaitAll(tasks.ToArray());

    [Intercepts(TaskType, "WhenAll", Sanitizer = "thread")]
    public static Task WhenAll(ReadOnlySpan<Task> tasks) => WhenAll(tasks.ToArray());

    [Intercepts(TaskType, "WhenAll", Sanitizer = "thread")]
    public static Task<TResult[]> WhenAll<TResult>(ReadOnlySpan<Task<TResult>> tasks) => WhenAll(tasks.ToArray());

    [Intercepts(TaskType, "WhenAll", Sanitizer = "thread")]
    public static Task WhenAll(IEnumerable<Task> tasks)
    {
        var list = tasks.ToArray();
        return Derived(Task.WhenAll(list), list);
    }

    [Intercepts(TaskType, "WhenAll", Sanitizer = "thread")]
    public static Task<TResult[]> WhenAll<TResult>(params Task<TResult>[] tasks) => Derived(Task.WhenAll(tasks), tasks);

    [Intercepts(TaskType, "WhenAll", Sanitizer = "thread")]
    public static Task<TResult[]> WhenAll<TResult>(IEnumerable<Task<TResult>> tasks)
    {
        var list = tasks.ToArray();
        return Derived(Task.WhenAll(list), list);
    }

    static TTask Derived<TTask>(TTask derived, IEnumerable<Task> inputs) where TTask : Task
    {
        TaskSync.DependsOn(derived, inputs);
        return derived;
    }

    static bool Completed(Task task, bool completed)
    {
        if (completed) TaskSync.AcquireCompletion(task);
        return completed;
    }

    // ---- await: the awaiter's GetResult runs after the awaited task completed ----

    [Intercepts("System.Runtime.CompilerServices.TaskAwaiter", "GetResult", Instance = true, Sanitizer = "thread")]
    public static void GetResult(ref TaskAwaiter awaiter)
    {
        var task = Unsafe.As<TaskAwaiter, Task>(ref awaiter);
        try { awaiter.GetResult(); }
        finally { TaskSync.AcquireCompletion(task); }
    }

    [Intercepts("System.Runtime.CompilerServices.TaskAwaiter`1", "GetResult", Instance = true, Sanitizer = "thread")]
    public static TResult GetResult<TResult>(ref TaskAwaiter<TResult> awaiter)
    {
        var task = Unsafe.As<TaskAwaiter<TResult>, Task>(ref awaiter);
        try { return awaiter.GetResult(); }
        finally { TaskSync.AcquireCompletion(task); }
    }

    [Intercepts("System.Runtime.CompilerServices.ConfiguredTaskAwaitable/ConfiguredTaskAwaiter", "GetResult", Instance = true, Sanitizer = "thread")]
    public static void GetResult(ref ConfiguredTaskAwaitable.ConfiguredTaskAwaiter awaiter)
    {
        var task = Unsafe.As<ConfiguredTaskAwaitable.ConfiguredTaskAwaiter, Task>(ref awaiter);
        try { awaiter.GetResult(); }
        finally { TaskSync.AcquireCompletion(task); }
    }

    [Intercepts("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter", "GetResult", Instance = true, Sanitizer = "thread")]
    public static TResult GetResult<TResult>(ref ConfiguredTaskAwaitable<TResult>.ConfiguredTaskAwaiter awaiter)
    {
        var task = Unsafe.As<ConfiguredTaskAwaitable<TResult>.ConfiguredTaskAwaiter, Task>(ref awaiter);
        try { return awaiter.GetResult(); }
        finally { TaskSync.AcquireCompletion(task); }
    }

    // ---- async methods completing their task ----

    [Intercepts("System.Runtime.CompilerServices.AsyncTaskMethodBuilder", "SetResult", Instance = true, Sanitizer = "thread")]
    public static void SetResult(ref AsyncTaskMethodBuilder builder)
    {
        TaskSync.Complete(builder.Task);
        builder.SetResult();
    }

    [Intercepts("System.Runtime.CompilerServices.AsyncTaskMethodBuilder", "SetException", Instance = true, Sanitizer = "thread")]
    public static void SetException(ref AsyncTaskMethodBuilder builder, Exception exception)
    {
        TaskSync.Complete(builder.Task);
        builder.SetException(exception);
    }

    [Intercepts("System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1", "SetResult", Instance = true, Sanitizer = "thread")]
    public static void SetResult<TResult>(ref AsyncTaskMethodBuilder<TResult> builder, TResult result)
    {
        TaskSync.Complete(builder.Task);
        builder.SetResult(result);
    }

    [Intercepts("System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1", "SetException", Instance = true, Sanitizer = "thread")]
    public static void SetException<TResult>(ref AsyncTaskMethodBuilder<TResult> builder, Exception exception)
    {
        TaskSync.Complete(builder.Task);
        builder.SetException(exception);
    }
}
