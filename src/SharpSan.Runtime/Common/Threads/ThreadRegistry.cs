namespace SharpSan.Runtime.Common.Threads;

/// <summary>Sanitizer thread numbers: T0 is the first thread the runtime sees (the main thread), then T1, T2, … in order of first appearance.</summary>
public static class ThreadRegistry
{
    static int s_next = -1;

    [ThreadStatic] static int t_idPlusOne;

    public static int CurrentId
    {
        get
        {
            int id = t_idPlusOne;
            if (id == 0) t_idPlusOne = id = Interlocked.Increment(ref s_next) + 1;
            return id - 1;
        }
    }

    public static string Describe(int tid) => "T" + tid;
}
