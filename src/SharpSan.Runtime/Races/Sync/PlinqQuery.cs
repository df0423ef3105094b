using System.Collections;
using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// One PLINQ query as the race checks see it: the query (AsParallel and the operators chained on it) runs the caller's
/// delegates and pulls its source on pool threads, synchronised inside the framework where no check sees it. Three
/// clocks stand for that synchronisation:
/// - fork: what the thread that builds or runs the query did before is visible to every worker (task queueing);
/// - source: PLINQ enumerates a source under a lock, so MoveNext, Current and Dispose are ordered one after another;
/// - join: what a worker's delegate did is visible to the thread that gets the query's results (merge and completion).
/// Delegates of one query are not ordered with each other: two of its elements written by two workers still race.
/// </summary>
internal sealed class PlinqQuery
{
    static readonly ConditionalWeakTable<object, PlinqQuery> s_queries = new();

    readonly SyncClock _fork = new(), _source = new(), _join = new();

    PlinqQuery() => Fork();

    /// <summary>A new query, started by the calling thread.</summary>
    public static PlinqQuery Start() => new();

    /// <summary>The query <paramref name="query"/> belongs to; one of its own when it was built where no check saw it.</summary>
    public static PlinqQuery Of(object query) => s_queries.GetValue(query, _ => new PlinqQuery());

    /// <summary>Marks <paramref name="query"/> (an operator's result) as part of this query; returns it.</summary>
    public TQuery Owns<TQuery>(TQuery query) where TQuery : class
    {
        s_queries.AddOrUpdate(query, this);
        return query;
    }

    /// <summary>The calling thread publishes what it did so far to the query's workers.</summary>
    public void Fork() => RaceThread.Current.Release(_fork);

    /// <summary>The calling thread sees everything the query's delegates did so far.</summary>
    public void Joined() => RaceThread.Current.Acquire(_join);

    /// <summary>Runs <paramref name="call"/> (a terminal operator) as the query's owner: fork before, join after.</summary>
    public TResult Run<TResult>(Func<TResult> call)
    {
        Fork();
        try { return call(); }
        finally { Joined(); }
    }

    public void Run(Action call)
    {
        Fork();
        try { call(); }
        finally { Joined(); }
    }

    void Begin() => RaceThread.Current.Acquire(_fork);

    void End() => RaceThread.Current.Release(_join);

    public Func<T, TResult> Wrap<T, TResult>(Func<T, TResult> body) => x => { Begin(); try { return body(x); } finally { End(); } };

    public Func<T1, T2, TResult> Wrap<T1, T2, TResult>(Func<T1, T2, TResult> body) =>
        (x, y) => { Begin(); try { return body(x, y); } finally { End(); } };

    public Action<T> Wrap<T>(Action<T> body) => x => { Begin(); try { body(x); } finally { End(); } };

    /// <summary>The source as PLINQ will pull it: every enumerator call ordered after the last (PLINQ's own lock).</summary>
    public IEnumerable<T> Serialised<T>(IEnumerable<T> source) => new SerialSource<T>(source, this);

    /// <summary>The consumer's view of the query's results: each element arrives after what produced it.</summary>
    public IEnumerator<T> Joined<T>(IEnumerator<T> results) => new JoinedResults<T>(results, this);

    sealed class SerialSource<T>(IEnumerable<T> source, PlinqQuery query) : IEnumerable<T>
    {
        public IEnumerator<T> GetEnumerator()
        {
            // PLINQ opens the source on the thread that runs the query: what that thread did (an iterator's set-up
            // included) comes before the workers' pulls.
            var inner = source.GetEnumerator();
            query.Fork();
            return new SerialEnumerator<T>(inner, query);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    sealed class SerialEnumerator<T>(IEnumerator<T> inner, PlinqQuery query) : IEnumerator<T>
    {
        public T Current
        {
            get
            {
                query.EnterSource();
                try { return inner.Current; }
                finally { query.LeaveSource(); }
            }
        }

        object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            query.EnterSource();
            try { return inner.MoveNext(); }
            finally { query.LeaveSource(); }
        }

        public void Reset()
        {
            query.EnterSource();
            try { inner.Reset(); }
            finally { query.LeaveSource(); }
        }

        public void Dispose()
        {
            query.EnterSource();
            try { inner.Dispose(); }
            finally { query.LeaveSource(); }
        }
    }

    void EnterSource()
    {
        var thread = RaceThread.Current;
        thread.Acquire(_fork);
        thread.Acquire(_source);
    }

    void LeaveSource() => RaceThread.Current.Release(_source);

    sealed class JoinedResults<T>(IEnumerator<T> inner, PlinqQuery query) : IEnumerator<T>
    {
        public T Current => inner.Current;

        object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            try { return inner.MoveNext(); }
            finally { query.Joined(); }
        }

        public void Reset() => inner.Reset();

        public void Dispose()
        {
            try { inner.Dispose(); }
            finally { query.Joined(); }
        }
    }
}
