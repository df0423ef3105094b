using System.Reflection;

namespace SharpSan.Runtime.Address.Leaks;

/// <summary>
/// [ThreadStatic] fields hold one value per thread, and .NET reads only the calling thread's. LeakSanitizer scans the
/// TLS of every live thread; here the values are read on each thread that can be asked:
/// <list type="bullet">
/// <item>the main thread, when the entry point returns (<see cref="RootScanner.CaptureThreadStatics"/>);</item>
/// <item>the thread running the exit-time check (the one that called Environment.Exit), directly;</item>
/// <item>idle thread-pool threads, through work items queued at exit that each wait until all have started, so that
/// they run on different threads.</item>
/// </list>
/// Threads that are busy or blocked at exit (a dedicated thread sleeping, a pool thread running user code) cannot
/// be asked, and no public API reads another thread's values: blocks referenced only from there are reported, with a
/// note naming the fields.
/// </summary>
internal static class ThreadStaticRoots
{
    static readonly List<(FieldInfo Field, object? Value)> s_captured = [];

    public static IReadOnlyList<(FieldInfo Field, object? Value)> Captured
    {
        get { lock (s_captured) return [.. s_captured]; }
    }

    /// <summary>The [ThreadStatic] fields of <paramref name="types"/> whose values may lead to a native pointer.</summary>
    public static List<FieldInfo> Fields(IEnumerable<Type> types)
    {
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var fields = new List<FieldInfo>();
        foreach (var type in types)
            foreach (var field in RootTypes.SafeFields(type, statics))
            {
                try
                {
                    if (field.IsDefined(typeof(ThreadStaticAttribute), false) && RootTypes.Shape(field.FieldType) != RootShape.Nothing) fields.Add(field);
                }
                catch (Exception) { }
            }
        return fields;
    }

    /// <summary>Reads <paramref name="fields"/> on the calling thread and keeps what it finds.</summary>
    public static void CaptureHere(IEnumerable<FieldInfo> fields)
    {
        foreach (var field in fields)
        {
            object? value;
            try { value = field.GetValue(null); }
            catch (Exception) { continue; }   // the exit-time scan reads the field again and names it if it fails
            if (value is null || value is IntPtr { } p && p == 0 || value is UIntPtr { } u && u == 0) continue;
            lock (s_captured) s_captured.Add((field, value));
        }
    }

    /// <summary>
    /// Asks the idle thread-pool threads to read <paramref name="fields"/>: at most <paramref name="wait"/> in total,
    /// never blocking the exit on a busy pool. Work items that start after the wait do nothing.
    /// </summary>
    public static void CaptureOnPoolThreads(IReadOnlyList<FieldInfo> fields, TimeSpan wait)
    {
        int workers = ThreadPool.ThreadCount;
        if (fields.Count == 0 || workers == 0) return;
        var request = new PoolRequest(fields, workers);
        for (int i = 0; i < workers; i++) ThreadPool.UnsafeQueueUserWorkItem(static r => r.Run(), request, preferLocal: false);
        request.AllDone.Wait(wait);
        request.Expired = true;
    }

    // Never disposed: a late work item may still touch it after the wait expired.
    sealed class PoolRequest(IReadOnlyList<FieldInfo> fields, int workers)
    {
        int _started, _done;
        public readonly ManualResetEventSlim AllStarted = new(), AllDone = new();
        public volatile bool Expired;

        public void Run()
        {
            try
            {
                if (Expired) return;
                if (Interlocked.Increment(ref _started) == workers) AllStarted.Set();
                // Holding this thread until every item has started spreads the items over distinct threads.
                AllStarted.Wait(TimeSpan.FromMilliseconds(200));
                if (!Expired) CaptureHere(fields);
            }
            catch (Exception)
            {
                // Best effort, on a pool thread: an escaping exception would end the process.
            }
            finally
            {
                if (Interlocked.Increment(ref _done) == workers) AllDone.Set();
            }
        }
    }
}
