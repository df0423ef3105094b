namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Task&lt;T&gt;.Factory.StartNew (TaskFactory&lt;TResult&gt;) and the state-passing StartNew overloads of the plain
/// TaskFactory that TaskFlowInterceptors lacks: like Task.Run, the function begins after the caller's past and its end is the task's
/// completion (acquired by Result, Wait, await).
/// </summary>
public static class TaskFactoryInterceptors
{
    const string Factory = "System.Threading.Tasks.TaskFactory";
    const string GenericFactory = "System.Threading.Tasks.TaskFactory`1";
    const string Api = "System.Threading.Tasks.TaskFactory<TResult>.StartNew";
    const string StateApi = "System.Threading.Tasks.TaskFactory.StartNew<TResult>";

    static Task<TResult> Bound<TResult>(Task<TResult> task, WorkItem work)
    {
        TaskSync.Bind(task, work.Completion);
        return task;
    }

    // ---- TaskFactory<TResult> ----

    [Intercepts(GenericFactory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function)
    {
        var work = new WorkItem(Api + "(System.Func<TResult>)");
        return Bound(factory.StartNew(work.Wrap(function)), work);
    }

    [Intercepts(GenericFactory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, CancellationToken cancellationToken)
    {
        var work = new WorkItem(Api + "(System.Func<TResult>, System.Threading.CancellationToken)");
        return Bound(factory.StartNew(work.Wrap(function), cancellationToken), work);
    }

    [Intercepts(GenericFactory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, TaskCreationOptions creationOptions)
    {
        var work = new WorkItem(Api + "(System.Func<TResult>, System.Threading.Tasks.TaskCreationOptions)");
        return Bound(factory.StartNew(work.Wrap(function), creationOptions), work);
    }

    [Intercepts(GenericFactory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        var work = new WorkItem(Api + "(System.Func<TResult>, System.Threading.CancellationToken, System.Threading.Tasks.TaskCreationOptions, System.Threading.Tasks.TaskScheduler)");
        return Bound(factory.StartNew(work.Wrap(function), cancellationToken, creationOptions, scheduler), work);
    }

    [Intercepts(GenericFactory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state)
    {
        var work = new WorkItem(Api + "(System.Func<object, TResult>, object)");
        return Bound(factory.StartNew(work.Wrap(function), state), work);
    }

    [Intercepts(GenericFactory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken)
    {
        var work = new WorkItem(Api + "(System.Func<object, TResult>, object, System.Threading.CancellationToken)");
        return Bound(factory.StartNew(work.Wrap(function), state, cancellationToken), work);
    }

    [Intercepts(GenericFactory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, TaskCreationOptions creationOptions)
    {
        var work = new WorkItem(Api + "(System.Func<object, TResult>, object, System.Threading.Tasks.TaskCreationOptions)");
        return Bound(factory.StartNew(work.Wrap(function), state, creationOptions), work);
    }

    [Intercepts(GenericFactory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        var work = new WorkItem(Api + "(System.Func<object, TResult>, object, System.Threading.CancellationToken, System.Threading.Tasks.TaskCreationOptions, System.Threading.Tasks.TaskScheduler)");
        return Bound(factory.StartNew(work.Wrap(function), state, cancellationToken, creationOptions, scheduler), work);
    }

    // ---- TaskFactory.StartNew with a state argument (the overloads TaskFlowInterceptors does not cover) ----

    static Task Bound(Task task, WorkItem work)
    {
        TaskSync.Bind(task, work.Completion);
        return task;
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew(System.Action<object>, object, System.Threading.CancellationToken)");
        return Bound(factory.StartNew(work.Wrap(action), state, cancellationToken), work);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        var work = new WorkItem("System.Threading.Tasks.TaskFactory.StartNew(System.Action<object>, object, System.Threading.CancellationToken, System.Threading.Tasks.TaskCreationOptions, System.Threading.Tasks.TaskScheduler)");
        return Bound(factory.StartNew(work.Wrap(action), state, cancellationToken, creationOptions, scheduler), work);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state)
    {
        var work = new WorkItem(StateApi + "(System.Func<object, TResult>, object)");
        return Bound(factory.StartNew(work.Wrap(function), state), work);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken)
    {
        var work = new WorkItem(StateApi + "(System.Func<object, TResult>, object, System.Threading.CancellationToken)");
        return Bound(factory.StartNew(work.Wrap(function), state, cancellationToken), work);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, TaskCreationOptions creationOptions)
    {
        var work = new WorkItem(StateApi + "(System.Func<object, TResult>, object, System.Threading.Tasks.TaskCreationOptions)");
        return Bound(factory.StartNew(work.Wrap(function), state, creationOptions), work);
    }

    [Intercepts(Factory, "StartNew", Instance = true, Sanitizer = "thread")]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        var work = new WorkItem(StateApi + "(System.Func<object, TResult>, object, System.Threading.CancellationToken, System.Threading.Tasks.TaskCreationOptions, System.Threading.Tasks.TaskScheduler)");
        return Bound(factory.StartNew(work.Wrap(function), state, cancellationToken, creationOptions, scheduler), work);
    }
}
