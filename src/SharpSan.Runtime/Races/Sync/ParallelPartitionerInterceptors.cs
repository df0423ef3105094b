using System.Collections.Concurrent;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Parallel.ForEach over a Partitioner or OrderablePartitioner (<c>Partitioner.Create(0, n, chunk)</c>): the same
/// fork and join as the IEnumerable overloads (ParallelInterceptors), since each partition's body runs on some worker
/// after the call starts and before it returns. Partitions are not ordered with each other.
/// </summary>
public static class ParallelPartitionerInterceptors
{
    const string ParallelType = "System.Threading.Tasks.Parallel";

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, Action<TSource> body)
    { var r = new ParallelInterceptors.Region(); return ParallelInterceptors.Run(r, () => Parallel.ForEach(source, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, Action<TSource, ParallelLoopState> body)
    { var r = new ParallelInterceptors.Region(); return ParallelInterceptors.Run(r, () => Parallel.ForEach(source, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(OrderablePartitioner<TSource> source, Action<TSource, ParallelLoopState, long> body)
    { var r = new ParallelInterceptors.Region(); return ParallelInterceptors.Run(r, () => Parallel.ForEach(source, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, ParallelOptions parallelOptions, Action<TSource> body)
    { var r = new ParallelInterceptors.Region(); return ParallelInterceptors.Run(r, () => Parallel.ForEach(source, parallelOptions, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState> body)
    { var r = new ParallelInterceptors.Region(); return ParallelInterceptors.Run(r, () => Parallel.ForEach(source, parallelOptions, r.Wrap(body))); }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource>(OrderablePartitioner<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState, long> body)
    { var r = new ParallelInterceptors.Region(); return ParallelInterceptors.Run(r, () => Parallel.ForEach(source, parallelOptions, r.Wrap(body))); }

    // ---- thread-local overloads (localInit, body, localFinally) ----

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource, TLocal>(Partitioner<TSource> source, Func<TLocal> localInit,
        Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new ParallelInterceptors.Region();
        return ParallelInterceptors.Run(r, () => Parallel.ForEach(source, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource, TLocal>(Partitioner<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit,
        Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new ParallelInterceptors.Region();
        return ParallelInterceptors.Run(r, () => Parallel.ForEach(source, parallelOptions, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource, TLocal>(OrderablePartitioner<TSource> source, Func<TLocal> localInit,
        Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new ParallelInterceptors.Region();
        return ParallelInterceptors.Run(r, () => Parallel.ForEach(source, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }

    [Intercepts(ParallelType, "ForEach", Sanitizer = "thread")]
    public static ParallelLoopResult ForEach<TSource, TLocal>(OrderablePartitioner<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit,
        Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        var r = new ParallelInterceptors.Region();
        return ParallelInterceptors.Run(r, () => Parallel.ForEach(source, parallelOptions, r.Wrap(localInit), r.Wrap(body), r.Wrap(localFinally)));
    }
}
