using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// The completion clock of each task: released into when the task's work finishes (a wrapped delegate ends, an async
/// method's builder completes it, a TaskCompletionSource sets it), acquired by whoever observes the completion (Wait,
/// Result, await). Tasks derived from others (WhenAll, Unwrap, ContinueWith) also acquire their inputs' completions.
/// </summary>
internal static class TaskSync
{
    internal sealed class Node
    {
        public readonly SyncClock Clock = new();
        List<Task>? _dependencies;

        public void DependOn(Task task)
        {
            lock (this) (_dependencies ??= []).Add(task);
        }

        public Task[] Dependencies()
        {
            lock (this) return _dependencies?.ToArray() ?? [];
        }

        List<SyncClock>? _clocks;
        Func<Task?>? _winner;

        /// <summary>Observing the task's completion also acquires <paramref name="clock"/> (SemaphoreSlim.WaitAsync).</summary>
        public void AlsoAcquire(SyncClock clock)
        {
            lock (this) (_clocks ??= []).Add(clock);
        }

        public SyncClock[] Clocks()
        {
            lock (this) return _clocks?.ToArray() ?? [];
        }

        /// <summary>Observing the task's completion also acquires the task <paramref name="winner"/> names then (WhenAny).</summary>
        public void DependOnResult(Func<Task?> winner)
        {
            lock (this) _winner = winner;
        }

        public Task? Winner()
        {
            Func<Task?>? winner;
            lock (this) winner = _winner;
            return winner?.Invoke();
        }
    }

    static readonly ConditionalWeakTable<Task, Node> s_nodes = new();
    const string Site = "TaskSync";

    /// <summary>Runs task bookkeeping; an internal error in it stops race reports (a completion edge may be missing).</summary>
    static void Contained<TState>(TState state, Action<TState> bookkeeping) =>
        Common.InternalErrors.Run(Site, Common.LostTracking.Synchronisation, state, bookkeeping);

    public static Node NodeOf(Task task)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            return s_nodes.GetValue(task, static _ => new Node());
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return new Node();
        }
    }

    public static void Bind(Task task, Node node) => Contained((task, node), static s => s_nodes.AddOrUpdate(s.task, s.node));

    /// <summary>The current thread is about to complete <paramref name="task"/>.</summary>
    public static void Complete(Task task) => RaceThread.Current.Release(NodeOf(task).Clock);

    /// <summary>The current thread observed <paramref name="task"/> complete (a test waiting for it fails now if its work raised a finding).</summary>
    public static void AcquireCompletion(Task? task)
    {
        Contained(task, static t => Acquire(RaceThread.Current, t, 0));
        Common.Testing.TestAttribution.ThrowPendingFailure();
    }

    static void Acquire(RaceThread thread, Task? task, int depth)
    {
        if (task is null || depth > 32 || !s_nodes.TryGetValue(task, out var node)) return;
        thread.Acquire(node.Clock);
        foreach (var clock in node.Clocks()) thread.Acquire(clock);
        foreach (var input in node.Dependencies()) Acquire(thread, input, depth + 1);
        if (node.Winner() is { } winner) Acquire(thread, winner, depth + 1);
    }

    public static void DependsOn(Task derived, IEnumerable<Task?> inputs) => Contained((derived, inputs), static s =>
    {
        var node = NodeOf(s.derived);
        foreach (var input in s.inputs) if (input is not null) node.DependOn(input);
    });
}

/// <summary>
/// A unit of work handed to another thread (a Task.Run delegate, a thread-pool callback): queueing it releases the
/// queueing thread's clock, running it acquires that clock first and releases into the completion at the end. The
/// thread running it is described in reports as running a work item queued at the captured stack.
/// </summary>
internal sealed class WorkItem
{
    readonly SyncClock _fork = new();
    readonly int _creator;
    readonly int _stack;
    readonly string? _test;

    public readonly TaskSync.Node Completion = new();

    const string Site = "WorkItem";

    public WorkItem(string api)
    {
        _creator = -1;
        try
        {
            Common.InternalErrors.Inject(Site);
            var thread = RaceThread.Current;
            _creator = thread.Tid;
            _stack = RaceThread.CaptureStackAt(api);
            if (Common.Testing.TestAttribution.Enabled) _test = Common.Testing.TestAttribution.CurrentTest() ?? Common.Testing.TestAttribution.DelegatedTest;
            thread.Release(_fork);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>What a work item that runs inside another one (inlined by Wait, RunSynchronously) must give back at its end.</summary>
    readonly record struct Outer(string? DelegatedTest, nint ShadowStackMark);

    [ThreadStatic] static Stack<Outer>? t_outer;

    public void Begin()
    {
        // First, before anything that can fail: End pops what Begin pushed.
        (t_outer ??= new()).Push(new Outer(Common.Testing.TestAttribution.DelegatedTest, Common.Stacks.ShadowStack.Mark()));
        Common.Testing.TestAttribution.DelegatedTest = _test;
        try
        {
            Common.InternalErrors.Inject(Site);
            var thread = RaceThread.Current;
            thread.Acquire(_fork);
            thread.CreatorTid = _creator;
            thread.CreationStack = _stack;
            thread.CreatedByThreadPool = true;
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>
    /// The thread stops working for the item's test (a pool thread reused for a later item must not keep it) and drops
    /// the shadow frames an exception left when it escaped the item's delegate into the pool.
    /// </summary>
    public void End()
    {
        if (t_outer is { Count: > 0 } outer)
        {
            var (test, mark) = outer.Pop();
            Common.Testing.TestAttribution.DelegatedTest = test;
            Common.Stacks.ShadowStack.Unwind(mark);
        }
        else
        {
            Common.Testing.TestAttribution.DelegatedTest = null;
        }
        try
        {
            Common.InternalErrors.Inject(Site);
            RaceThread.Current.Release(Completion.Clock);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    public Action Wrap(Action action) => () =>
    {
        Begin();
        try { action(); }
        finally { End(); }
    };

    public Action<object?> Wrap(Action<object?> action) => state =>
    {
        Begin();
        try { action(state); }
        finally { End(); }
    };

    public Func<T> Wrap<T>(Func<T> function) => () =>
    {
        Begin();
        try { return function(); }
        finally { End(); }
    };

    public Func<object?, T> Wrap<T>(Func<object?, T> function) => state =>
    {
        Begin();
        try { return function(state); }
        finally { End(); }
    };

    /// <summary>For Task.Run(async () => …): the returned task completes with the inner task, so depend on it too.</summary>
    public Func<TTask> WrapAsync<TTask>(Func<TTask> function) where TTask : Task? => () =>
    {
        Begin();
        try
        {
            var inner = function();
            if (inner is not null) Completion.DependOn(inner);
            return inner;
        }
        finally { End(); }
    };
}
