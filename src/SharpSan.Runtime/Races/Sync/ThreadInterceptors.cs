using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// <c>new Thread(…)</c>, <c>Start</c> and <c>Join</c>: the new thread begins after everything its creator did before
/// Start, and Join continues after everything the thread did. The thread's delegate is wrapped at construction.
/// </summary>
public static class ThreadInterceptors
{
    const string ThreadType = "System.Threading.Thread";

    sealed class Record
    {
        public readonly SyncClock Start = new(), End = new();
        public int CreatorTid = -1, CreationStack;
        public string? Test;

        public void Run(Action body)
        {
            var thread = RaceThread.Current;
            thread.Acquire(Start);
            thread.CreatorTid = CreatorTid;
            thread.CreationStack = CreationStack;
            Common.Testing.TestAttribution.DelegatedTest = Test;
            try { body(); }
            finally
            {
                thread.Release(End);
                thread.Finished = true;
            }
        }
    }

    static readonly ConditionalWeakTable<Thread, Record> s_records = new();

    static Thread Track(Record record, Thread thread)
    {
        s_records.AddOrUpdate(thread, record);
        return thread;
    }

    [Intercepts(ThreadType, ".ctor", Sanitizer = "thread")]
    public static Thread New(ThreadStart start)
    {
        var record = new Record();
        return Track(record, new Thread(() => record.Run(() => start())));
    }

    [Intercepts(ThreadType, ".ctor", Sanitizer = "thread")]
    public static Thread New(ThreadStart start, int maxStackSize)
    {
        var record = new Record();
        return Track(record, new Thread(() => record.Run(() => start()), maxStackSize));
    }

    [Intercepts(ThreadType, ".ctor", Sanitizer = "thread")]
    public static Thread New(ParameterizedThreadStart start)
    {
        var record = new Record();
        return Track(record, new Thread(state => record.Run(() => start(state))));
    }

    [Intercepts(ThreadType, ".ctor", Sanitizer = "thread")]
    public static Thread New(ParameterizedThreadStart start, int maxStackSize)
    {
        var record = new Record();
        return Track(record, new Thread(state => record.Run(() => start(state)), maxStackSize));
    }

    static void Starting(Thread thread, string api)
    {
        if (!s_records.TryGetValue(thread, out var record)) return;
        var current = RaceThread.Current;
        record.CreatorTid = current.Tid;
        record.CreationStack = RaceThread.CaptureStackAt(api);
        if (Common.Testing.TestAttribution.Enabled) record.Test = Common.Testing.TestAttribution.CurrentTest() ?? Common.Testing.TestAttribution.DelegatedTest;
        current.Release(record.Start);
    }

    [Intercepts(ThreadType, "Start", Instance = true, Sanitizer = "thread")]
    public static void Start(Thread thread)
    {
        Starting(thread, "System.Threading.Thread.Start()");
        thread.Start();
    }

    [Intercepts(ThreadType, "Start", Instance = true, Sanitizer = "thread")]
    public static void Start(Thread thread, object? parameter)
    {
        Starting(thread, "System.Threading.Thread.Start(object)");
        thread.Start(parameter);
    }

    [Intercepts(ThreadType, "UnsafeStart", Instance = true, Sanitizer = "thread")]
    public static void UnsafeStart(Thread thread)
    {
        Starting(thread, "System.Threading.Thread.UnsafeStart()");
        thread.UnsafeStart();
    }

    [Intercepts(ThreadType, "UnsafeStart", Instance = true, Sanitizer = "thread")]
    public static void UnsafeStart(Thread thread, object? parameter)
    {
        Starting(thread, "System.Threading.Thread.UnsafeStart(object)");
        thread.UnsafeStart(parameter);
    }

    static bool Joined(Thread thread, bool joined)
    {
        if (joined && s_records.TryGetValue(thread, out var record)) RaceThread.Current.Acquire(record.End);
        Common.Testing.TestAttribution.ThrowPendingFailure();
        return joined;
    }

    [Intercepts(ThreadType, "Join", Instance = true, Sanitizer = "thread")]
    public static void Join(Thread thread)
    {
        thread.Join();
        Joined(thread, true);
    }

    [Intercepts(ThreadType, "Join", Instance = true, Sanitizer = "thread")]
    public static bool Join(Thread thread, int millisecondsTimeout) => Joined(thread, thread.Join(millisecondsTimeout));

    [Intercepts(ThreadType, "Join", Instance = true, Sanitizer = "thread")]
    public static bool Join(Thread thread, TimeSpan timeout) => Joined(thread, thread.Join(timeout));
}
