using System.Linq.Expressions;
using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// System.Threading.Lock (.NET 9+): Enter/TryEnter/EnterScope acquire after the real call, Exit and Lock.Scope.Dispose
/// release before it, through <see cref="Locks"/> so the lock-order detector sees them. <c>lock (l)</c> on a Lock
/// compiles to <c>l.EnterScope()</c> … <c>scope.Dispose()</c>.
/// <para>The runtime targets net8.0, where the type does not exist: receivers are taken as object and the real
/// methods are called through delegates compiled at first use. Lock.Scope is a struct holding only the Lock; the
/// interceptors use <see cref="Scope"/>, a struct of the same layout, in its place.</para>
/// </summary>
public static class ThreadingLockInterceptors
{
    const string LockType = "System.Threading.Lock";

    /// <summary>Layout twin of System.Threading.Lock.Scope (one field: the Lock, null once disposed).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Scope
    {
        internal object? LockObject;
    }

    static class Real
    {
        static readonly Type? s_type = Type.GetType("System.Threading.Lock");

        static TDelegate Compile<TDelegate>(string method, params Type[] parameters) where TDelegate : Delegate
        {
            var receiver = Expression.Parameter(typeof(object), "lockObject");
            var args = parameters.Select((t, i) => Expression.Parameter(t, "a" + i)).ToArray();
            var info = s_type!.GetMethod(method, parameters) ?? throw new MissingMethodException(LockType, method);
            var call = Expression.Call(Expression.Convert(receiver, s_type), info, args);
            return Expression.Lambda<TDelegate>(call, [receiver, .. args]).Compile();
        }

        public static readonly Action<object> Enter = Compile<Action<object>>("Enter");
        public static readonly Action<object> Exit = Compile<Action<object>>("Exit");
        public static readonly Func<object, bool> TryEnter = Compile<Func<object, bool>>("TryEnter");
        public static readonly Func<object, int, bool> TryEnterMs = Compile<Func<object, int, bool>>("TryEnter", typeof(int));
        public static readonly Func<object, TimeSpan, bool> TryEnterSpan = Compile<Func<object, TimeSpan, bool>>("TryEnter", typeof(TimeSpan));
        public static readonly Func<object, bool> IsHeld = Compile<Func<object, bool>>("get_IsHeldByCurrentThread");
    }

    [Intercepts(LockType, "Enter", Instance = true, Sanitizer = "thread")]
    public static void Enter(object lockObject)
    {
        ArgumentNullException.ThrowIfNull(lockObject);
        Real.Enter(lockObject);
        Locks.Acquired(lockObject);
    }

    [Intercepts(LockType, "EnterScope", Instance = true, Sanitizer = "thread")]
    public static Scope EnterScope(object lockObject)
    {
        ArgumentNullException.ThrowIfNull(lockObject);
        Real.Enter(lockObject);
        Locks.Acquired(lockObject);
        return new Scope { LockObject = lockObject };
    }

    static bool Took(object lockObject, bool taken)
    {
        if (taken) Locks.Acquired(lockObject);
        return taken;
    }

    [Intercepts(LockType, "TryEnter", Instance = true, Sanitizer = "thread")]
    public static bool TryEnter(object lockObject)
    {
        ArgumentNullException.ThrowIfNull(lockObject);
        return Took(lockObject, Real.TryEnter(lockObject));
    }

    [Intercepts(LockType, "TryEnter", Instance = true, Sanitizer = "thread")]
    public static bool TryEnter(object lockObject, int millisecondsTimeout)
    {
        ArgumentNullException.ThrowIfNull(lockObject);
        return Took(lockObject, Real.TryEnterMs(lockObject, millisecondsTimeout));
    }

    [Intercepts(LockType, "TryEnter", Instance = true, Sanitizer = "thread")]
    public static bool TryEnter(object lockObject, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(lockObject);
        return Took(lockObject, Real.TryEnterSpan(lockObject, timeout));
    }

    [Intercepts(LockType, "Exit", Instance = true, Sanitizer = "thread")]
    public static void Exit(object lockObject)
    {
        ArgumentNullException.ThrowIfNull(lockObject);
        // Only the owner may exit; leave a wrong exit to throw without recording a release.
        if (Real.IsHeld(lockObject)) Locks.Releasing(lockObject);
        Real.Exit(lockObject);
    }

    [Intercepts(LockType + "/Scope", "Dispose", Instance = true, Sanitizer = "thread")]
    public static void Dispose(ref Scope scope)
    {
        var lockObject = scope.LockObject;
        if (lockObject is null) return;
        scope.LockObject = null;
        if (Real.IsHeld(lockObject)) Locks.Releasing(lockObject);
        Real.Exit(lockObject);
    }
}
