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
}
