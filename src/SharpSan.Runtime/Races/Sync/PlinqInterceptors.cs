using System.Linq;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// PLINQ (System.Linq.ParallelEnumerable) called from checked code: each query gets a <see cref="PlinqQuery"/> at
/// AsParallel, which the operators below pass along; their delegates run as the query's work (fork before, join after),
/// an enumerable source is pulled in order, and the operators that hand back results (ToList, ToArray, ForAll, Sum,
/// Count, Aggregate, foreach over the query) join the query's work. Operators not listed here keep their framework
/// behaviour: a query continued through one of them gets a query state of its own at its next listed operator (fork and
/// join from there on). Partial: the non-generic and Partitioner overloads of AsParallel, OrderBy/GroupBy/Join keys
/// and Min/Max/Average are not modelled (their delegates run without the edges).
/// </summary>
public static class PlinqInterceptors
{
    const string Plinq = "System.Linq.ParallelEnumerable";
    const string Query = "System.Linq.ParallelQuery`1";

    // ---- building the query ----

    [Intercepts(Plinq, "AsParallel", Sanitizer = "thread")]
    public static ParallelQuery<TSource> AsParallel<TSource>(IEnumerable<TSource> source)
    {
        var query = PlinqQuery.Start();
        // An indexable source is partitioned by index, without an enumerator; anything else is pulled under PLINQ's lock.
        var pulled = source is IList<TSource> ? source : query.Serialised(source);
        return query.Owns(pulled.AsParallel());
    }

    [Intercepts(Plinq, "AsOrdered", Sanitizer = "thread")]
    public static ParallelQuery<TSource> AsOrdered<TSource>(ParallelQuery<TSource> source) => PlinqQuery.Of(source).Owns(source.AsOrdered());

    [Intercepts(Plinq, "AsUnordered", Sanitizer = "thread")]
    public static ParallelQuery<TSource> AsUnordered<TSource>(ParallelQuery<TSource> source) => PlinqQuery.Of(source).Owns(source.AsUnordered());

    [Intercepts(Plinq, "WithDegreeOfParallelism", Sanitizer = "thread")]
    public static ParallelQuery<TSource> WithDegreeOfParallelism<TSource>(ParallelQuery<TSource> source, int degreeOfParallelism) =>
        PlinqQuery.Of(source).Owns(source.WithDegreeOfParallelism(degreeOfParallelism));

    [Intercepts(Plinq, "WithCancellation", Sanitizer = "thread")]
    public static ParallelQuery<TSource> WithCancellation<TSource>(ParallelQuery<TSource> source, CancellationToken cancellationToken) =>
        PlinqQuery.Of(source).Owns(source.WithCancellation(cancellationToken));

    [Intercepts(Plinq, "WithExecutionMode", Sanitizer = "thread")]
    public static ParallelQuery<TSource> WithExecutionMode<TSource>(ParallelQuery<TSource> source, ParallelExecutionMode executionMode) =>
        PlinqQuery.Of(source).Owns(source.WithExecutionMode(executionMode));

    [Intercepts(Plinq, "WithMergeOptions", Sanitizer = "thread")]
    public static ParallelQuery<TSource> WithMergeOptions<TSource>(ParallelQuery<TSource> source, ParallelMergeOptions mergeOptions) =>
        PlinqQuery.Of(source).Owns(source.WithMergeOptions(mergeOptions));

    [Intercepts(Plinq, "Select", Sanitizer = "thread")]
    public static ParallelQuery<TResult> Select<TSource, TResult>(ParallelQuery<TSource> source, Func<TSource, TResult> selector)
    {
        var query = PlinqQuery.Of(source);
        return query.Owns(source.Select(query.Wrap(selector)));
    }

    [Intercepts(Plinq, "Select", Sanitizer = "thread")]
    public static ParallelQuery<TResult> Select<TSource, TResult>(ParallelQuery<TSource> source, Func<TSource, int, TResult> selector)
    {
        var query = PlinqQuery.Of(source);
        return query.Owns(source.Select(query.Wrap(selector)));
    }

    [Intercepts(Plinq, "Where", Sanitizer = "thread")]
    public static ParallelQuery<TSource> Where<TSource>(ParallelQuery<TSource> source, Func<TSource, bool> predicate)
    {
        var query = PlinqQuery.Of(source);
        return query.Owns(source.Where(query.Wrap(predicate)));
    }

    [Intercepts(Plinq, "Where", Sanitizer = "thread")]
    public static ParallelQuery<TSource> Where<TSource>(ParallelQuery<TSource> source, Func<TSource, int, bool> predicate)
    {
        var query = PlinqQuery.Of(source);
        return query.Owns(source.Where(query.Wrap(predicate)));
    }

    [Intercepts(Plinq, "SelectMany", Sanitizer = "thread")]
    public static ParallelQuery<TResult> SelectMany<TSource, TResult>(ParallelQuery<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
    {
        var query = PlinqQuery.Of(source);
        return query.Owns(source.SelectMany(query.Wrap(selector)));
    }

    // ---- getting the results ----

    [Intercepts(Query, "GetEnumerator", Instance = true, Sanitizer = "thread")]
    public static IEnumerator<TSource> GetEnumerator<TSource>(ParallelQuery<TSource> source)
    {
        var query = PlinqQuery.Of(source);
        query.Fork();
        return query.Joined(source.GetEnumerator());
    }

    [Intercepts(Plinq, "ForAll", Sanitizer = "thread")]
    public static void ForAll<TSource>(ParallelQuery<TSource> source, Action<TSource> action)
    {
        var query = PlinqQuery.Of(source);
        query.Run(() => source.ForAll(query.Wrap(action)));
    }

    [Intercepts(Plinq, "ToList", Sanitizer = "thread")]
    public static List<TSource> ToList<TSource>(ParallelQuery<TSource> source) => PlinqQuery.Of(source).Run(source.ToList);

    [Intercepts(Plinq, "ToArray", Sanitizer = "thread")]
    public static TSource[] ToArray<TSource>(ParallelQuery<TSource> source) => PlinqQuery.Of(source).Run(source.ToArray);

    [Intercepts(Plinq, "Count", Sanitizer = "thread")]
    public static int Count<TSource>(ParallelQuery<TSource> source) => PlinqQuery.Of(source).Run(source.Count);

    [Intercepts(Plinq, "Count", Sanitizer = "thread")]
    public static int Count<TSource>(ParallelQuery<TSource> source, Func<TSource, bool> predicate)
    {
        var query = PlinqQuery.Of(source);
        return query.Run(() => source.Count(query.Wrap(predicate)));
    }

    [Intercepts(Plinq, "Sum", Sanitizer = "thread")]
    public static int Sum(ParallelQuery<int> source) => PlinqQuery.Of(source).Run(source.Sum);

    [Intercepts(Plinq, "Sum", Sanitizer = "thread")]
    public static long Sum(ParallelQuery<long> source) => PlinqQuery.Of(source).Run(source.Sum);

    [Intercepts(Plinq, "Sum", Sanitizer = "thread")]
    public static double Sum(ParallelQuery<double> source) => PlinqQuery.Of(source).Run(source.Sum);

    [Intercepts(Plinq, "Sum", Sanitizer = "thread")]
    public static int Sum<TSource>(ParallelQuery<TSource> source, Func<TSource, int> selector)
    {
        var query = PlinqQuery.Of(source);
        return query.Run(() => source.Sum(query.Wrap(selector)));
    }

    [Intercepts(Plinq, "Sum", Sanitizer = "thread")]
    public static long Sum<TSource>(ParallelQuery<TSource> source, Func<TSource, long> selector)
    {
        var query = PlinqQuery.Of(source);
        return query.Run(() => source.Sum(query.Wrap(selector)));
    }

    [Intercepts(Plinq, "Sum", Sanitizer = "thread")]
    public static double Sum<TSource>(ParallelQuery<TSource> source, Func<TSource, double> selector)
    {
        var query = PlinqQuery.Of(source);
        return query.Run(() => source.Sum(query.Wrap(selector)));
    }

    [Intercepts(Plinq, "Aggregate", Sanitizer = "thread")]
    public static TSource Aggregate<TSource>(ParallelQuery<TSource> source, Func<TSource, TSource, TSource> func)
    {
        var query = PlinqQuery.Of(source);
        return query.Run(() => source.Aggregate(query.Wrap(func)));
    }

    [Intercepts(Plinq, "Any", Sanitizer = "thread")]
    public static bool Any<TSource>(ParallelQuery<TSource> source, Func<TSource, bool> predicate)
    {
        var query = PlinqQuery.Of(source);
        return query.Run(() => source.Any(query.Wrap(predicate)));
    }

    [Intercepts(Plinq, "All", Sanitizer = "thread")]
    public static bool All<TSource>(ParallelQuery<TSource> source, Func<TSource, bool> predicate)
    {
        var query = PlinqQuery.Of(source);
        return query.Run(() => source.All(query.Wrap(predicate)));
    }
}
