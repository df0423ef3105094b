using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Parallel.For/ForEach/Invoke: fork and join. Every body invocation begins after what the caller did before the call
/// and ends before what the caller does after it returns (or throws). Iterations are not ordered with each other.
/// </summary>
public static class ParallelInterceptors
{
    const string ParallelType = "System.Threading.Tasks.Parallel";

    /// <summary>One Parallel call: the caller releases into Fork before, every body releases into Join at its end.</summary>
    sealed class Region
    {
        readonly SyncClock _fork = new(), _join = new();

        public Region() => RaceThread.Current.Release(_fork);

        public void Begin() => RaceThread.Current.Acquire(_fork);

        public void End() => RaceThread.Current.Release(_join);

        public void Joined() => RaceThread.Current.Acquire(_join);

        public Action<T> Wrap<T>(Action<T> body) => x => { Begin(); try { body(x); } finally { End(); } };

        public Action<T1, T2> Wrap<T1, T2>(Action<T1, T2> body) => (x, y) => { Begin(); try { body(x, y); } finally { End(); } };

        public Action<T1, T2, T3> Wrap<T1, T2, T3>(Action<T1, T2, T3> body) => (x, y, z) => { Begin(); try { body(x, y, z); } finally { End(); } };

        public Action Wrap(Action body) => () => { Begin(); try { body(); } finally { End(); } };
    }

    static TResult Run<TResult>(Region region, Func<TResult> call)
    {
        try { return call(); }
        finally { region.Joined(); }
    }

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, Action<int> body)
    { var r = new Region(); return Run(r, () => Parallel.For(fromInclusive, toExclusive, r.Wrap(body))); }

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, ParallelOptions parallelOptions, Action<int> body)
    { var r = new Region(); return Run(r, () => Parallel.For(fromInclusive, toExclusive, parallelOptions, r.Wrap(body))); }

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, Action<int, ParallelLoopState> body)
    { var r = new Region(); return Run(r, () => Parallel.For(fromInclusive, toExclusive, r.Wrap(body))); }

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, ParallelOptions parallelOptions, Action<int, ParallelLoopState> body)
    { var r = new Region(); return Run(r, () => Parallel.For(fromInclusive, toExclusive, parallelOptions, r.Wrap(body))); }

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, Action<long> body)
    { var r = new Region(); return Run(r, () => Parallel.For(fromInclusive, toExclusive, r.Wrap(body))); }

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, ParallelOptions parallelOptions, Action<long> body)
    { var r = new Region(); return Run(r, () => Parallel.For(fromInclusive, toExclusive, parallelOptions, r.Wrap(body))); }

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, Action<long, ParallelLoopState> body)
    { var r = new Region(); return Run(r, () => Parallel.For(fromInclusive, toExclusive, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource> body)
    { var r = new Region(); return Run(r, () => Parallel.ForEach(source, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Action<TSource> body)
    { var r = new Region(); return Run(r, () => Parallel.ForEach(source, parallelOptions, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource, ParallelLoopState> body)
    { var r = new Region(); return Run(r, () => Parallel.ForEach(source, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState> body)
    { var r = new Region(); return Run(r, () => Parallel.ForEach(source, parallelOptions, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource, ParallelLoopState, long> body)
    { var r = new Region(); return Run(r, () => Parallel.ForEach(source, r.Wrap(body))); }

    [Intercepts(ParallelType, "Invoke", Sanitizer = "thread")]
    public static void Invoke(params Action[] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var r = new Region();
        var wrapped = Array.ConvertAll(actions, a => a is null ? null! : r.Wrap(a));
        try { Parallel.Invoke(wrapped); }
        finally { r.Joined(); }
    }

    [Intercepts(ParallelType, "Invoke", Sanitizer = "thread")]
    public static void Invoke(ParallelOptions parallelOptions, params Action[] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var r = new Region();
        var wrapped = Array.ConvertAll(actions, a => a is null ? null! : r.Wrap(a));
        try { Parallel.Invoke(parallelOptions, wrapped); }
        finally { r.Joined(); }
    }
}
