using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Parallel.For/ForEach/Invoke: fork and join. Every body invocation begins after what the caller did before the call
/// and ends before what the caller does after it returns (or throws). Iterations are not ordered with each other.
/// The thread-local overloads wrap localInit and localFinally the same way: a worker's localFinally follows its
/// iterations in program order, and every localFinally ends before the call returns.
/// </summary>
public static class ParallelInterceptors
{
    const string ParallelType = "System.Threading.Tasks.Parallel";

    /// <summary>One Parallel call: the caller releases into Fork before, every body releases into Join at its end.</summary>
    internal sealed class Region
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

        // Thread-local loops: localInit, body and localFinally are each wrapped (they run in that order on one worker thread).
        public Func<T> Wrap<T>(Func<T> init) => () => { Begin(); try { return init(); } finally { End(); } };

        public Func<T1, T2, T3, TR> Wrap<T1, T2, T3, TR>(Func<T1, T2, T3, TR> body) =>
            (x, y, z) => { Begin(); try { return body(x, y, z); } finally { End(); } };

        public Func<T1, T2, T3, T4, TR> Wrap<T1, T2, T3, T4, TR>(Func<T1, T2, T3, T4, TR> body) =>
            (x, y, z, w) => { Begin(); try { return body(x, y, z, w); } finally { End(); } };
    }

    internal static TResult Run<TResult>(Region region, Func<TResult> call)
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

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, ParallelOptions parallelOptions, Action<long, ParallelLoopState> body)
    { var r = new Region(); return Run(r, () => Parallel.For(fromInclusive, toExclusive, parallelOptions, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState, long> body)
    { var r = new Region(); return Run(r, () => Parallel.ForEach(source, parallelOptions, r.Wrap(body))); }

    // ---- thread-local overloads (localInit, body, localFinally) ----

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For<TLocal>(int fromInclusive, int toExclusive, Func<TLocal> localInit,
        Func<int, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new Region();
        return Run(r, () => Parallel.For(fromInclusive, toExclusive, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For<TLocal>(int fromInclusive, int toExclusive, ParallelOptions parallelOptions, Func<TLocal> localInit,
        Func<int, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new Region();
        return Run(r, () => Parallel.For(fromInclusive, toExclusive, parallelOptions, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For<TLocal>(long fromInclusive, long toExclusive, Func<TLocal> localInit,
        Func<long, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new Region();
        return Run(r, () => Parallel.For(fromInclusive, toExclusive, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

    [Intercepts(ParallelType, "For", Sanitizer = "thread")]
    public static ParallelLoopResult For<TLocal>(long fromInclusive, long toExclusive, ParallelOptions parallelOptions, Func<TLocal> localInit,
        Func<long, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new Region();
        return Run(r, () => Parallel.For(fromInclusive, toExclusive, parallelOptions, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource, TLocal>(IEnumerable<TSource> source, Func<TLocal> localInit,
        Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new Region();
        return Run(r, () => Parallel.ForEach(source, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource, TLocal>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit,
        Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new Region();
        return Run(r, () => Parallel.ForEach(source, parallelOptions, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource, TLocal>(IEnumerable<TSource> source, Func<TLocal> localInit,
        Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new Region();
        return Run(r, () => Parallel.ForEach(source, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource, TLocal>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit,
        Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new Region();
        return Run(r, () => Parallel.ForEach(source, parallelOptions, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

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
