namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Called by instrumented code (ValueTaskSourcePass) around the ManualResetValueTaskSourceCore of an IValueTaskSource
/// object: what the producer did before completing it happens before whoever takes the result, directly from the core
/// or through a ValueTask over the object.
/// </summary>
public static class SourceCompletion
{
    public static void Completing(object source) => ValueTaskSync.Complete(source);

    public static void Observed(object source) => ValueTaskSync.Observe(source, failTest: false);

    /// <summary>
    /// At the start of a hand-written source's GetResult: the calling thread saw the completion through the source's
    /// own synchronisation (its atomics or lock), so what it knows is released to whoever observes the source later —
    /// a task AsTask made completes on this thread, and its waiters acquire the source's clock. A source reused for
    /// another operation keeps the clock: an extra edge, which can hide a race, never invent one.
    /// </summary>
    public static void ResultTaken(object source) =>
        Common.InternalErrors.Run(Site, Common.LostTracking.Synchronisation, source, static s => ValueTaskSync.Complete(s));

    const string Site = "SourceCompletion";
}
