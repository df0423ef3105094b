namespace SharpSan.Runtime.Races.Sync;

/// <summary>ThreadPool.QueueUserWorkItem / UnsafeQueueUserWorkItem: the callback is a <see cref="WorkItem"/>.</summary>
public static class ThreadPoolInterceptors
{
    const string Pool = "System.Threading.ThreadPool";

    static WaitCallback Wrapped(WaitCallback callback, string api)
    {
        var work = new WorkItem(api);
        var wrapped = work.Wrap(state => callback(state));
        return new WaitCallback(wrapped);
    }

    static Action<TState> Wrapped<TState>(Action<TState> callback, string api)
    {
        var work = new WorkItem(api);
        return state =>
        {
            work.Begin();
            try { callback(state); }
            finally { work.End(); }
        };
    }

    [Intercepts(Pool, "QueueUserWorkItem", Sanitizer = "thread")]
    public static bool QueueUserWorkItem(WaitCallback callBack) =>
        ThreadPool.QueueUserWorkItem(Wrapped(callBack, "System.Threading.ThreadPool.QueueUserWorkItem(System.Threading.WaitCallback)"));

    [Intercepts(Pool, "QueueUserWorkItem", Sanitizer = "thread")]
    public static bool QueueUserWorkItem(WaitCallback callBack, object? state) =>
        ThreadPool.QueueUserWorkItem(Wrapped(callBack, "System.Threading.ThreadPool.QueueUserWorkItem(System.Threading.WaitCallback, object)"), state);

    [Intercepts(Pool, "QueueUserWorkItem", Sanitizer = "thread")]
    public static bool QueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal) =>
        ThreadPool.QueueUserWorkItem(Wrapped(callBack, "System.Threading.ThreadPool.QueueUserWorkItem<TState>(System.Action<TState>, TState, bool)"), state, preferLocal);

    [Intercepts(Pool, "UnsafeQueueUserWorkItem", Sanitizer = "thread")]
    public static bool UnsafeQueueUserWorkItem(WaitCallback callBack, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(Wrapped(callBack, "System.Threading.ThreadPool.UnsafeQueueUserWorkItem(System.Threading.WaitCallback, object)"), state);

    [Intercepts(Pool, "UnsafeQueueUserWorkItem", Sanitizer = "thread")]
    public static bool UnsafeQueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal) =>
        ThreadPool.UnsafeQueueUserWorkItem(Wrapped(callBack, "System.Threading.ThreadPool.UnsafeQueueUserWorkItem<TState>(System.Action<TState>, TState, bool)"), state, preferLocal);

    sealed class PoolItem(IThreadPoolWorkItem inner, WorkItem work) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            work.Begin();
            try { inner.Execute(); }
            finally { work.End(); }
        }
    }

    [Intercepts(Pool, "UnsafeQueueUserWorkItem", Sanitizer = "thread")]
    public static bool UnsafeQueueUserWorkItem(IThreadPoolWorkItem callBack, bool preferLocal)
    {
        ArgumentNullException.ThrowIfNull(callBack);
        // The pool rejects Task objects here; pass those through unchanged so it still throws.
        if (callBack is Task) return ThreadPool.UnsafeQueueUserWorkItem(callBack, preferLocal);
        var work = new WorkItem("System.Threading.ThreadPool.UnsafeQueueUserWorkItem(System.Threading.IThreadPoolWorkItem, bool)");
        return ThreadPool.UnsafeQueueUserWorkItem(new PoolItem(callBack, work), preferLocal);
    }
}
