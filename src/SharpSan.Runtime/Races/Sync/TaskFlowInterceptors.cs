using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// More ways to start and chain tasks: Task.Factory.StartNew, <c>new Task(…)</c> + Start/RunSynchronously,
/// ContinueWith (the continuation runs after the queueing thread's past and the antecedent's completion),
/// Task.WhenAny (observing it observes the winner) and Task.WaitAny (acquires the task it returns).
/// </summary>
public static class TaskFlowInterceptors
{
    const string TaskType = "System.Threading.Tasks.Task";
    const string GenericTask = "System.Threading.Tasks.Task`1";
    const string Factory = "System.Threading.Tasks.TaskFactory";

    static TTask Bound<TTask>(TTask task, TaskSync.Node completion) where TTask : Task
    {
        TaskSync.Bind(task, completion);
        return task;
    }

    // ---- Task.Factory.StartNew ----

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task StartNew(TaskFactory factory, Action action)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew(System.Action)");
        return Bound(factory.StartNew(work.Wrap(action)), work.Completion);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew(System.Action, System.Threading.CancellationToken)");
        return Bound(factory.StartNew(work.Wrap(action), cancellationToken), work.Completion);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task StartNew(TaskFactory factory, Action action, TaskCreationOptions creationOptions)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew(System.Action, System.Threading.Tasks.TaskCreationOptions)");
        return Bound(factory.StartNew(work.Wrap(action), creationOptions), work.Completion);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew(System.Action, System.Threading.CancellationToken, System.Threading.Tasks.TaskCreationOptions, System.Threading.Tasks.TaskScheduler)");
        return Bound(factory.StartNew(work.Wrap(action), cancellationToken, creationOptions, scheduler), work.Completion);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew(System.Action<object>, object)");
        return Bound(factory.StartNew(work.Wrap(action), state), work.Completion);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, TaskCreationOptions creationOptions)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew(System.Action<object>, object, System.Threading.Tasks.TaskCreationOptions)");
        return Bound(factory.StartNew(work.Wrap(action), state, creationOptions), work.Completion);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew<TResult>(System.Func<TResult>)");
        return Bound(factory.StartNew(work.Wrap(function)), work.Completion);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew<TResult>(System.Func<TResult>, System.Threading.CancellationToken)");
        return Bound(factory.StartNew(work.Wrap(function), cancellationToken), work.Completion);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, TaskCreationOptions creationOptions)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew<TResult>(System.Func<TResult>, System.Threading.Tasks.TaskCreationOptions)");
        return Bound(factory.StartNew(work.Wrap(function), creationOptions), work.Completion);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew<TResult>(System.Func<TResult>, System.Threading.CancellationToken, System.Threading.Tasks.TaskCreationOptions, System.Threading.Tasks.TaskScheduler)");
        return Bound(factory.StartNew(work.Wrap(function), cancellationToken, creationOptions, scheduler), work.Completion);
    }

    // ---- new Task(…) + Start / RunSynchronously ----

    /// <summary>
    /// The body of a task created cold: it begins after whatever ran before the task was started (and, in case it is
    /// started by code SharpSan does not see, before it was created).
    /// </summary>
    sealed class Cold
    {
        readonly SyncClock _fork = new();
        public readonly TaskSync.Node Completion = new();
        int _creator = -1, _stack;

        public Cold() => Started("System.Threading.Tasks.Task..ctor");

        public void Started(string api)
        {
            var thread = RaceThread.Current;
            _creator = thread.Tid;
            _stack = RaceThread.CaptureStackAt(api);
            thread.Release(_fork);
        }

        void Begin()
        {
            var thread = RaceThread.Current;
            thread.Acquire(_fork);
            if (thread.Tid != _creator)
            {
                thread.CreatorTid = _creator;
                thread.CreationStack = _stack;
                thread.CreatedByThreadPool = true;
            }
        }

        void End() => RaceThread.Current.Release(Completion.Clock);

        public Action Wrap(Action action) => () => { Begin(); try { action(); } finally { End(); } };

        public Action<object?> Wrap(Action<object?> action) => s => { Begin(); try { action(s); } finally { End(); } };

        public Func<T> Wrap<T>(Func<T> function) => () => { Begin(); try { return function(); } finally { End(); } };

        public Func<object?, T> Wrap<T>(Func<object?, T> function) => s => { Begin(); try { return function(s); } finally { End(); } };
    }

    static readonly ConditionalWeakTable<Task, Cold> s_cold = new();

    static TTask Track<TTask>(TTask task, Cold cold) where TTask : Task
    {
        s_cold.AddOrUpdate(task, cold);
        return Bound(task, cold.Completion);
    }

    [Intercepts(TaskType, ".ctor", Sanitizer = "thread")]
    public static Task New(Action action) { var c = new Cold(); return Track(new Task(c.Wrap(action)), c); }

    [Intercepts(TaskType, ".ctor", Sanitizer = "thread")]
    public static Task New(Action action, CancellationToken cancellationToken) { var c = new Cold(); return Track(new Task(c.Wrap(action), cancellationToken), c); }

    [Intercepts(TaskType, ".ctor", Sanitizer = "thread")]
    public static Task New(Action action, TaskCreationOptions creationOptions) { var c = new Cold(); return Track(new Task(c.Wrap(action), creationOptions), c); }

    [Intercepts(TaskType, ".ctor", Sanitizer = "thread")]
    public static Task New(Action action, CancellationToken cancellationToken, TaskCreationOptions creationOptions) { var c = new Cold(); return Track(new Task(c.Wrap(action), cancellationToken, creationOptions), c); }

    [Intercepts(TaskType, ".ctor", Sanitizer = "thread")]
    public static Task New(Action<object?> action, object? state) { var c = new Cold(); return Track(new Task(c.Wrap(action), state), c); }

    [Intercepts(TaskType, ".ctor", Sanitizer = "thread")]
    public static Task New(Action<object?> action, object? state, TaskCreationOptions creationOptions) { var c = new Cold(); return Track(new Task(c.Wrap(action), state, creationOptions), c); }

    [Intercepts(GenericTask, ".ctor", Sanitizer = "thread")]
    public static Task<TResult> New<TResult>(Func<TResult> function) { var c = new Cold(); return Track(new Task<TResult>(c.Wrap(function)), c); }

    [Intercepts(GenericTask, ".ctor", Sanitizer = "thread")]
    public static Task<TResult> New<TResult>(Func<TResult> function, CancellationToken cancellationToken) { var c = new Cold(); return Track(new Task<TResult>(c.Wrap(function), cancellationToken), c); }

    [Intercepts(GenericTask, ".ctor", Sanitizer = "thread")]
    public static Task<TResult> New<TResult>(Func<TResult> function, TaskCreationOptions creationOptions) { var c = new Cold(); return Track(new Task<TResult>(c.Wrap(function), creationOptions), c); }

    [Intercepts(GenericTask, ".ctor", Sanitizer = "thread")]
    public static Task<TResult> New<TResult>(Func<object?, TResult> function, object? state) { var c = new Cold(); return Track(new Task<TResult>(c.Wrap(function), state), c); }

    static void Starting(Task task, string api)
    {
        if (s_cold.TryGetValue(task, out var cold)) cold.Started(api);
    }

    [Intercepts(TaskType, "Start", Instance = true, Sanitizer = "thread")]
    public static void Start(Task task) { Starting(task, "System.Threading.Tasks.Task.Start()"); task.Start(); }

    [Intercepts(TaskType, "Start", Instance = true, Sanitizer = "thread")]
    public static void Start(Task task, TaskScheduler scheduler) { Starting(task, "System.Threading.Tasks.Task.Start(System.Threading.Tasks.TaskScheduler)"); task.Start(scheduler); }

    [Intercepts(TaskType, "RunSynchronously", Instance = true, Sanitizer = "thread")]
    public static void RunSynchronously(Task task) { Starting(task, "System.Threading.Tasks.Task.RunSynchronously()"); task.RunSynchronously(); }

    [Intercepts(TaskType, "RunSynchronously", Instance = true, Sanitizer = "thread")]
    public static void RunSynchronously(Task task, TaskScheduler scheduler) { Starting(task, "System.Threading.Tasks.Task.RunSynchronously(System.Threading.Tasks.TaskScheduler)"); task.RunSynchronously(scheduler); }

    // ---- ContinueWith ----

    const string ContinueApi = "System.Threading.Tasks.Task.ContinueWith";

    // Task<TResult>.ContinueWith: the interceptor's first generic parameter is the task's TResult, the next the method's own.
    const string ResultTaskType = "System.Threading.Tasks.Task`1";

    [Intercepts(ResultTaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuationFunction)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationFunction)), w.Completion); }

    [Intercepts(ResultTaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuationFunction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationFunction), continuationOptions), w.Completion); }

    internal static Action<TAntecedent> Continuation<TAntecedent>(WorkItem work, Action<TAntecedent> action) where TAntecedent : Task => t =>
    {
        work.Begin();
        TaskSync.AcquireCompletion(t);
        try { action(t); }
        finally { work.End(); }
    };

    internal static Func<TAntecedent, TResult> Continuation<TAntecedent, TResult>(WorkItem work, Func<TAntecedent, TResult> function) where TAntecedent : Task => t =>
    {
        work.Begin();
        TaskSync.AcquireCompletion(t);
        try { return function(t); }
        finally { work.End(); }
    };

    [Intercepts(TaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWith(Task task, Action<Task> continuationAction)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationAction)), w.Completion); }

    [Intercepts(TaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWith(Task task, Action<Task> continuationAction, CancellationToken cancellationToken)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationAction), cancellationToken), w.Completion); }

    [Intercepts(TaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWith(Task task, Action<Task> continuationAction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationAction), continuationOptions), w.Completion); }

    [Intercepts(TaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWith(Task task, Action<Task> continuationAction, TaskScheduler scheduler)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationAction), scheduler), w.Completion); }

    [Intercepts(TaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWith(Task task, Action<Task> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationAction), cancellationToken, continuationOptions, scheduler), w.Completion); }

    [Intercepts(TaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuationFunction)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationFunction)), w.Completion); }

    [Intercepts(TaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationFunction), cancellationToken), w.Completion); }

    [Intercepts(TaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuationFunction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationFunction), continuationOptions), w.Completion); }

    [Intercepts(TaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuationFunction, TaskScheduler scheduler)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationFunction), scheduler), w.Completion); }

    [Intercepts(TaskType, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationFunction), cancellationToken, continuationOptions, scheduler), w.Completion); }

    [Intercepts(GenericTask, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuationAction)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationAction)), w.Completion); }

    [Intercepts(GenericTask, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuationAction, CancellationToken cancellationToken)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationAction), cancellationToken), w.Completion); }

    [Intercepts(GenericTask, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuationAction, TaskContinuationOptions continuationOptions)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationAction), continuationOptions), w.Completion); }

    [Intercepts(GenericTask, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuationAction, TaskScheduler scheduler)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationAction), scheduler), w.Completion); }

    [Intercepts(GenericTask, "ContinueWith", Instance = true, Sanitizer = "thread")]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    { var w = new WorkItem(ContinueApi); return Bound(task.ContinueWith(Continuation(w, continuationAction), cancellationToken, continuationOptions, scheduler), w.Completion); }

    // ---- WhenAny / WaitAny ----

    static TTask Any<TTask, TInput>(TTask whenAny, Func<TInput?> winner) where TTask : Task where TInput : Task
    {
        TaskSync.NodeOf(whenAny).DependOnResult(winner);
        return whenAny;
    }

    [Intercepts(TaskType, "WhenAny", Sanitizer = "thread")]
    public static Task<Task> WhenAny(params Task[] tasks)
    { var w = Task.WhenAny(tasks); return Any(w, () => w.IsCompletedSuccessfully ? w.Result : null); }

    [Intercepts(TaskType, "WhenAny", Sanitizer = "thread")]
    public static Task<Task> WhenAny(IEnumerable<Task> tasks)
    { var w = Task.WhenAny(tasks); return Any(w, () => w.IsCompletedSuccessfully ? w.Result : null); }

    [Intercepts(TaskType, "WhenAny", Sanitizer = "thread")]
    public static Task<Task> WhenAny(Task task1, Task task2)
    { var w = Task.WhenAny(task1, task2); return Any(w, () => w.IsCompletedSuccessfully ? w.Result : null); }

    [Intercepts(TaskType, "WhenAny", Sanitizer = "thread")]
    public static Task<Task<TResult>> WhenAny<TResult>(params Task<TResult>[] tasks)
    { var w = Task.WhenAny(tasks); return Any(w, () => w.IsCompletedSuccessfully ? w.Result : null); }

    [Intercepts(TaskType, "WhenAny", Sanitizer = "thread")]
    public static Task<Task<TResult>> WhenAny<TResult>(IEnumerable<Task<TResult>> tasks)
    { var w = Task.WhenAny(tasks); return Any(w, () => w.IsCompletedSuccessfully ? w.Result : null); }

    [Intercepts(TaskType, "WhenAny", Sanitizer = "thread")]
    public static Task<Task<TResult>> WhenAny<TResult>(Task<TResult> task1, Task<TResult> task2)
    { var w = Task.WhenAny(task1, task2); return Any(w, () => w.IsCompletedSuccessfully ? w.Result : null); }

    // C# 13 binds Task.WhenAll(a, b) / WhenAny(a, b, c) / WaitAll(a, b) to the params ReadOnlySpan overloads of
    // .NET 9+; the runtime targets net8.0, so these forward to the array overloads (same behaviour).

    [Intercepts(TaskType, "WhenAny", Sanitizer = "thread")]
    public static Task<Task> WhenAny(ReadOnlySpan<Task> tasks) => WhenAny(tasks.ToArray());

    [Intercepts(TaskType, "WhenAny", Sanitizer = "thread")]
    public static Task<Task<TResult>> WhenAny<TResult>(ReadOnlySpan<Task<TResult>> tasks) => WhenAny(tasks.ToArray());

    [Intercepts(TaskType, "WhenAll", Sanitizer = "thread")]
    public static Task WhenAll(ReadOnlySpan<Task> tasks) => TaskInterceptors.WhenAll(tasks.ToArray());

    [Intercepts(TaskType, "WhenAll", Sanitizer = "thread")]
    public static Task<TResult[]> WhenAll<TResult>(ReadOnlySpan<Task<TResult>> tasks) => TaskInterceptors.WhenAll(tasks.ToArray());

    [Intercepts(TaskType, "WaitAll", Sanitizer = "thread")]
    public static void WaitAll(ReadOnlySpan<Task> tasks) => TaskInterceptors.WaitAll(tasks.ToArray());

    static int WaitedAny(Task[] tasks, int index)
    {
        if (index >= 0 && index < tasks.Length) TaskSync.AcquireCompletion(tasks[index]);
        return index;
    }

    [Intercepts(TaskType, "WaitAny", Sanitizer = "thread")]
    public static int WaitAny(params Task[] tasks) => WaitedAny(tasks, Task.WaitAny(tasks));

    [Intercepts(TaskType, "WaitAny", Sanitizer = "thread")]
    public static int WaitAny(Task[] tasks, int millisecondsTimeout) => WaitedAny(tasks, Task.WaitAny(tasks, millisecondsTimeout));

    [Intercepts(TaskType, "WaitAny", Sanitizer = "thread")]
    public static int WaitAny(Task[] tasks, TimeSpan timeout) => WaitedAny(tasks, Task.WaitAny(tasks, timeout));

    [Intercepts(TaskType, "WaitAny", Sanitizer = "thread")]
    public static int WaitAny(Task[] tasks, CancellationToken cancellationToken) => WaitedAny(tasks, Task.WaitAny(tasks, cancellationToken));

    [Intercepts(TaskType, "WaitAny", Sanitizer = "thread")]
    public static int WaitAny(Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken) =>
        WaitedAny(tasks, Task.WaitAny(tasks, millisecondsTimeout, cancellationToken));
}
