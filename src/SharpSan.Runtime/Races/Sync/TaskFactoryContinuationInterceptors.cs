namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// TaskFactory.ContinueWhenAll/ContinueWhenAny: the continuation is a work item queued by the caller that, when it
/// starts, acquires the completion of the antecedents it is handed (all of them, or the one that completed first);
/// its end is the returned task's completion (acquired by Wait, Result, await). ContinueWhenAny's continuation is
/// ContinueWith's (TaskFlowInterceptors), applied to the winner.
/// </summary>
public static class TaskFactoryContinuationInterceptors
{
    const string Factory = "System.Threading.Tasks.TaskFactory";
    const string Api = "System.Threading.Tasks.TaskFactory.";

    static TTask Bound<TTask>(TTask task, TaskSync.Node completion) where TTask : Task
    {
        TaskSync.Bind(task, completion);
        return task;
    }

    static Action<TTask[]> AllAction<TTask>(WorkItem work, Action<TTask[]> action) where TTask : Task => tasks =>
    {
        work.Begin();
        AcquireAll(tasks);
        try { action(tasks); }
        finally { work.End(); }
    };

    static Func<TTask[], TResult> AllFunction<TTask, TResult>(WorkItem work, Func<TTask[], TResult> function) where TTask : Task => tasks =>
    {
        work.Begin();
        AcquireAll(tasks);
        try { return function(tasks); }
        finally { work.End(); }
    };

    static void AcquireAll(Task[]? tasks)
    {
        if (tasks is null) return;
        foreach (var task in tasks) TaskSync.AcquireCompletion(task);
    }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllAction(w, continuationAction)), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction, CancellationToken cancellationToken)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllAction(w, continuationAction), cancellationToken), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllAction(w, continuationAction), continuationOptions), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllAction(w, continuationAction), cancellationToken, continuationOptions, scheduler), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllAction(w, continuationAction)), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction, CancellationToken cancellationToken)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllAction(w, continuationAction), cancellationToken), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllAction(w, continuationAction), continuationOptions), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllAction(w, continuationAction), cancellationToken, continuationOptions, scheduler), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllFunction(w, continuationFunction)), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction, CancellationToken cancellationToken)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllFunction(w, continuationFunction), cancellationToken), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllFunction(w, continuationFunction), continuationOptions), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllFunction(w, continuationFunction), cancellationToken, continuationOptions, scheduler), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllFunction(w, continuationFunction)), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, CancellationToken cancellationToken)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllFunction(w, continuationFunction), cancellationToken), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllFunction(w, continuationFunction), continuationOptions), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAll", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(Api + "ContinueWhenAll"); return Bound(factory.ContinueWhenAll(tasks, AllFunction(w, continuationFunction), cancellationToken, continuationOptions, scheduler), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationAction)), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction, CancellationToken cancellationToken)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationAction), cancellationToken), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationAction), continuationOptions), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationAction), cancellationToken, continuationOptions, scheduler), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationAction)), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction, CancellationToken cancellationToken)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationAction), cancellationToken), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationAction), continuationOptions), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationAction), cancellationToken, continuationOptions, scheduler), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationFunction)), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationFunction), cancellationToken), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationFunction), continuationOptions), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationFunction), cancellationToken, continuationOptions, scheduler), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationFunction)), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, CancellationToken cancellationToken)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationFunction), cancellationToken), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationFunction), continuationOptions), w.Completion); }

    [Intercepts(Factory, "ContinueWhenAny", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(Api + "ContinueWhenAny"); return Bound(factory.ContinueWhenAny(tasks, TaskFlowInterceptors.Continuation(w, continuationFunction), cancellationToken, continuationOptions, scheduler), w.Completion); }
}
