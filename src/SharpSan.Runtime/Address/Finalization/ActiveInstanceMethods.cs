using System.Runtime.CompilerServices;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Finalization;

/// <summary>What an instrumented instance method of a finalizable type is to its object.</summary>
public enum ActiveMethodKind
{
    /// <summary>An ordinary instance method: while it runs, its object must not be finalized.</summary>
    Method = 0,
    /// <summary>The type's finalizer (<c>~T()</c>).</summary>
    Finalizer = 1,
    /// <summary><c>SafeHandle.ReleaseHandle</c>: run by the handle's finalizer, or by Dispose.</summary>
    Release = 2,
}

/// <summary>
/// Entry points for instance methods of finalizable types (a finalizer of their own or inherited, SafeHandle,
/// CriticalFinalizerObject): which objects have a method running on which thread, so that a finalizer freeing native
/// memory while a method of its own object still runs elsewhere is reported (premature-finalization).
/// <para>
/// The object is identified by its identity hash code and run-time type, read once in the prologue: the
/// instrumentation never holds a reference to <c>this</c> after that, so an object stays collectable exactly when
/// the original code lets it be (the JIT reports <c>this</c> dead after its last use in optimized code).
/// </para>
/// </summary>
public static unsafe class ActiveInstanceMethods
{
    [ThreadStatic] static ThreadActiveMethods? t_active;
    static ThreadActiveMethods[] s_threads = [];
    static readonly object s_threadsLock = new();

    /// <summary>
    /// Prologue of an instrumented instance method (after the shadow-stack prologue, whose frame is <paramref name="site"/>).
    /// Returns the depth to hand back to <see cref="Exit"/>.
    /// </summary>
    public static int Enter(object? self, int* site, int kind)
    {
        var active = t_active ?? Attach();
        if (self is null || site == null) return active.Count;
        return active.Push(RuntimeHelpers.GetHashCode(self), self.GetType().TypeHandle.Value, site, (ActiveMethodKind)kind);
    }

    /// <summary>Before each return of a method that called <see cref="Enter"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(int depth) => t_active?.PopTo(depth);

    /// <summary>This thread's record, or null before its first instrumented finalizable method.</summary>
    internal static ThreadActiveMethods? Current => t_active;

    /// <summary>Every thread's record (threads that ended are dropped when the next one arrives).</summary>
    internal static ThreadActiveMethods[] Threads => Volatile.Read(ref s_threads);

    [MethodImpl(MethodImplOptions.NoInlining)]
    static ThreadActiveMethods Attach()
    {
        var active = new ThreadActiveMethods(ThreadRegistry.CurrentId, Thread.CurrentThread);
        lock (s_threadsLock)
            s_threads = [.. s_threads.Where(t => t.IsAlive), active];
        return t_active = active;
    }
}
