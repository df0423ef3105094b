namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Kernel-style wait handles (ManualResetEvent, AutoResetEvent, EventWaitHandle, Mutex, Semaphore): Set, ReleaseMutex
/// and Release release into the handle's clock before signalling; a successful WaitOne (and WaitAll, and the handle
/// WaitAny returns) acquires it.
/// </summary>
public static class WaitHandleInterceptors
{
    const string WaitHandleType = "System.Threading.WaitHandle";

    static void Releasing(object handle) => RaceThread.Current.Release(SyncObjects.For(handle));

    static bool Acquired(object handle, bool signalled)
    {
        if (signalled && SyncObjects.Existing(handle) is { } clock) RaceThread.Current.Acquire(clock);
        return signalled;
    }

    [Intercepts("System.Threading.EventWaitHandle", "Set", Instance = true, Sanitizer = "thread")]
    public static bool Set(EventWaitHandle handle)
    {
        Releasing(handle);
        return handle.Set();
    }

    [Intercepts("System.Threading.Mutex", "ReleaseMutex", Instance = true, Sanitizer = "thread")]
    public static void ReleaseMutex(Mutex mutex)
    {
        Releasing(mutex);
        mutex.ReleaseMutex();
    }

    [Intercepts("System.Threading.Semaphore", "Release", Instance = true, Sanitizer = "thread")]
    public static int Release(Semaphore semaphore)
    {
        Releasing(semaphore);
        return semaphore.Release();
    }

    [Intercepts("System.Threading.Semaphore", "Release", Instance = true, Sanitizer = "thread")]
    public static int Release(Semaphore semaphore, int releaseCount)
    {
        Releasing(semaphore);
        return semaphore.Release(releaseCount);
    }

    [Intercepts(WaitHandleType, "WaitOne", Instance = true, Sanitizer = "thread")]
    public static bool WaitOne(WaitHandle handle) => Acquired(handle, handle.WaitOne());

    [Intercepts(WaitHandleType, "WaitOne", Instance = true, Sanitizer = "thread")]
    public static bool WaitOne(WaitHandle handle, int millisecondsTimeout) => Acquired(handle, handle.WaitOne(millisecondsTimeout));

    [Intercepts(WaitHandleType, "WaitOne", Instance = true, Sanitizer = "thread")]
    public static bool WaitOne(WaitHandle handle, TimeSpan timeout) => Acquired(handle, handle.WaitOne(timeout));

    [Intercepts(WaitHandleType, "WaitOne", Instance = true, Sanitizer = "thread")]
    public static bool WaitOne(WaitHandle handle, int millisecondsTimeout, bool exitContext) =>
        Acquired(handle, handle.WaitOne(millisecondsTimeout, exitContext));

    [Intercepts(WaitHandleType, "WaitOne", Instance = true, Sanitizer = "thread")]
    public static bool WaitOne(WaitHandle handle, TimeSpan timeout, bool exitContext) =>
        Acquired(handle, handle.WaitOne(timeout, exitContext));

    static bool AcquiredAll(WaitHandle[] handles, bool all)
    {
        if (all) foreach (var h in handles) Acquired(h, true);
        return all;
    }

    [Intercepts(WaitHandleType, "WaitAll", Sanitizer = "thread")]
    public static bool WaitAll(WaitHandle[] waitHandles) => AcquiredAll(waitHandles, WaitHandle.WaitAll(waitHandles));

    [Intercepts(WaitHandleType, "WaitAll", Sanitizer = "thread")]
    public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout) =>
        AcquiredAll(waitHandles, WaitHandle.WaitAll(waitHandles, millisecondsTimeout));

    [Intercepts(WaitHandleType, "WaitAll", Sanitizer = "thread")]
    public static bool WaitAll(WaitHandle[] waitHandles, TimeSpan timeout) =>
        AcquiredAll(waitHandles, WaitHandle.WaitAll(waitHandles, timeout));

    static int AcquiredAny(WaitHandle[] handles, int index)
    {
        if (index >= 0 && index < handles.Length) Acquired(handles[index], true);
        return index;
    }

    [Intercepts(WaitHandleType, "WaitAny", Sanitizer = "thread")]
    public static int WaitAny(WaitHandle[] waitHandles) => AcquiredAny(waitHandles, WaitHandle.WaitAny(waitHandles));

    [Intercepts(WaitHandleType, "WaitAny", Sanitizer = "thread")]
    public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout) =>
        AcquiredAny(waitHandles, WaitHandle.WaitAny(waitHandles, millisecondsTimeout));

    [Intercepts(WaitHandleType, "WaitAny", Sanitizer = "thread")]
    public static int WaitAny(WaitHandle[] waitHandles, TimeSpan timeout) =>
        AcquiredAny(waitHandles, WaitHandle.WaitAny(waitHandles, timeout));
}
