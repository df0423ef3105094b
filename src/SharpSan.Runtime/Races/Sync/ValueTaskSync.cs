using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Completion edges through ValueTasks. A ValueTask wraps a result (completed where it was made: no edge), a Task
/// (edges are the task's, see <see cref="TaskSync"/>) or an IValueTaskSource: a pooled builder box or a channel's
/// read operation, reused from one await to the next. A source's clock is released into before it completes and
/// acquired by whoever gets its result; a reused source keeps its clock (extra edges can hide a race, never invent one).
/// </summary>
internal static class ValueTaskSync
{
    sealed class Source
    {
        public readonly SyncClock Completion = new();

        /// <summary>Also acquired when the result is taken (the channel a pending ReadAsync reads from).</summary>
        public volatile SyncClock? Linked;
    }

    static readonly ConditionalWeakTable<object, Source> s_sources = new();

    const string Site = "ValueTaskSync";

    static Source SourceFor(object source)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            return s_sources.GetValue(source, static _ => new Source());
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return new Source();
        }
    }

    static class ObjField<TValueTask>
    {
        public static readonly FieldReader<TValueTask>? Read = PrivateFields.Reader<TValueTask>("_obj");
    }

    static class TaskField<TBuilder>
    {
        public static readonly FieldReader<TBuilder>? Read = PrivateFields.Reader<TBuilder>("m_task");
    }

    /// <summary>The Task or IValueTaskSource behind a ValueTask/ValueTask&lt;T&gt;, or null for a plain result.</summary>
    public static object? SourceOf<TValueTask>(ref TValueTask task) where TValueTask : struct =>
        ObjField<TValueTask>.Read?.Invoke(ref task);

    /// <summary>
    /// The task (or pooled box) of an async ValueTask method's builder: set at its first suspension, so null while
    /// the method has only run synchronously on its caller's thread (which then needs no edge).
    /// </summary>
    public static object? TaskOf<TBuilder>(ref TBuilder builder) where TBuilder : struct =>
        TaskField<TBuilder>.Read?.Invoke(ref builder);

    /// <summary>The current thread is about to complete <paramref name="source"/>.</summary>
    public static void Complete(object? source)
    {
        if (source is Task task) TaskSync.Complete(task);
        else if (source is not null) RaceThread.Current.Release(SourceFor(source).Completion);
    }

    /// <summary>
    /// The current thread took the result of <paramref name="source"/>. With <paramref name="failTest"/>, a test
    /// waiting for it fails now if the producer's work raised a finding (as for tasks); not from inside a source.
    /// </summary>
    public static void Observe(object? source, bool failTest = true)
    {
        if (source is Task task)
        {
            TaskSync.AcquireCompletion(task);
            return;
        }
        if (source is null || !s_sources.TryGetValue(source, out var state)) return;
        var thread = RaceThread.Current;
        thread.Acquire(state.Completion);
        if (state.Linked is { } linked) thread.Acquire(linked);
        if (failTest) Common.Testing.TestAttribution.ThrowPendingFailure();
    }

    /// <summary>Taking the result of <paramref name="source"/> also acquires <paramref name="clock"/>.</summary>
    public static void AlsoAcquire(object? source, SyncClock clock)
    {
        if (source is Task task) TaskSync.NodeOf(task).AlsoAcquire(clock);
        else if (source is not null) SourceFor(source).Linked = clock;
    }

    /// <summary><paramref name="derived"/> completes with <paramref name="source"/> (AsTask, Preserve): observing it observes the source.</summary>
    public static void Forward(object? source, Task derived)
    {
        if (source is Task task)
        {
            if (!ReferenceEquals(task, derived)) TaskSync.DependsOn(derived, [task]);
            return;
        }
        if (source is null) return;
        var state = SourceFor(source);
        var node = TaskSync.NodeOf(derived);
        node.AlsoAcquire(state.Completion);
        if (state.Linked is { } linked) node.AlsoAcquire(linked);
    }
}
