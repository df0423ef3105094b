using SharpSan.Runtime.Guard.Errors;

namespace SharpSan.Runtime.Guard;

/// <summary>
/// The thread that reads the guarded pool's userfaultfd. A fault on an inaccessible page leaves the faulting thread
/// blocked while this one reports it; then the process exits with `exitcode` (with halt_on_error=0 the faulting thread
/// goes on over a throwaway page). A fault on a live block's page (populated lazily) is served and the thread resumes.
/// </summary>
internal static unsafe class FaultMonitor
{
    const string Site = "FaultMonitor";

    public static void Start(GuardedPool pool)
    {
        var thread = new Thread(() => Run(pool)) { IsBackground = true, Name = "SharpSan guard fault monitor" };
        thread.Start();
    }

    static void Run(GuardedPool pool)
    {
        while (UserFaults.Read(pool.Descriptor, out var message))
        {
            if (message.Event != UserFaults.EventPageFault) continue;
            try
            {
                Common.InternalErrors.Inject(Site);
                Handle(pool, message);
            }
            catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
            {
                pool.LetThrough(message.Address);   // never leave a thread blocked forever
            }
        }
    }

    static void Handle(GuardedPool pool, in UserFaults.Message message)
    {
        var (slot, accessible) = pool.Classify((nuint)message.Address);
        if (accessible)
        {
            pool.LetThrough(message.Address);
            return;
        }
        var stack = FaultingStacks.Take((int)message.ThreadId, out string? note, out string? test);
        // Under a test runner the finding is the faulting test's: it cannot be thrown at the faulting access, so it is
        // pending, as a worker thread's is, and fails the test at its next allocation call (GuardSanitizer).
        string? previous = Common.Testing.TestAttribution.DelegatedTest;
        Common.Testing.TestAttribution.DelegatedTest = test;
        try
        {
            SanitizerRuntime.Report(new GuardedAccessError((nuint)message.Address, (message.Flags & UserFaults.FlagWrite) != 0, (int)message.ThreadId, stack, note, slot));
        }
        finally
        {
            Common.Testing.TestAttribution.DelegatedTest = previous;
        }
        pool.LetThrough(message.Address);   // reached only when the report did not halt (halt_on_error=0, a suppression)
    }
}
