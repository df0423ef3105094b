using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Lazy&lt;T&gt; and LazyInitializer: the thread that creates the value releases once it is built (before it is
/// published); every reader of Value, or of EnsureInitialized's result, acquires. The Lazy's clock is bound to the
/// Lazy; LazyInitializer's to the value object itself (the target location has no identity).
/// The no-factory forms are given a factory calling the parameterless constructor, as Lazy does itself.
/// </summary>
public static class LazyInterceptors
{
    const string LazyType = "System.Lazy`1";

    static Func<T> Releasing<T>(Func<T> factory, SyncClock clock) => () =>
    {
        var value = factory();
        RaceThread.Current.Release(clock);
        return value;
    };

    static T Construct<T>()
    {
        try { return Activator.CreateInstance<T>(); }
        catch (MissingMethodException e) { throw new MissingMemberException(e.Message); }
    }

    static Lazy<T> Bound<T>(Lazy<T> lazy, SyncClock clock)
    {
        SyncObjects.Bind(lazy, clock);
        return lazy;
    }

    static Lazy<T> Make<T>(Func<T> factory, Func<Func<T>, Lazy<T>> create)
    {
        var clock = new SyncClock();
        return Bound(create(Releasing(factory, clock)), clock);
    }

    [Intercepts(LazyType, ".ctor", Sanitizer = "thread")]
    public static Lazy<T> New<T>() => Make(Construct<T>, f => new Lazy<T>(f));

    [Intercepts(LazyType, ".ctor", Sanitizer = "thread")]
    public static Lazy<T> New<T>(bool isThreadSafe) => Make(Construct<T>, f => new Lazy<T>(f, isThreadSafe));

    [Intercepts(LazyType, ".ctor", Sanitizer = "thread")]
    public static Lazy<T> New<T>(LazyThreadSafetyMode mode) => Make(Construct<T>, f => new Lazy<T>(f, mode));

    [Intercepts(LazyType, ".ctor", Sanitizer = "thread")]
    public static Lazy<T> New<T>(Func<T> valueFactory)
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        return Make(valueFactory, f => new Lazy<T>(f));
    }

    [Intercepts(LazyType, ".ctor", Sanitizer = "thread")]
    public static Lazy<T> New<T>(Func<T> valueFactory, bool isThreadSafe)
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        return Make(valueFactory, f => new Lazy<T>(f, isThreadSafe));
    }

    [Intercepts(LazyType, ".ctor", Sanitizer = "thread")]
    public static Lazy<T> New<T>(Func<T> valueFactory, LazyThreadSafetyMode mode)
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        return Make(valueFactory, f => new Lazy<T>(f, mode));
    }

    [Intercepts(LazyType, "get_Value", Instance = true, Sanitizer = "thread")]
    public static T Value<T>(Lazy<T> lazy)
    {
        var value = lazy.Value;
        if (SyncObjects.Existing(lazy) is { } clock) RaceThread.Current.Acquire(clock);
        return value;
    }

    // ---- LazyInitializer ----

    const string Initializer = "System.Threading.LazyInitializer";

    static Func<T> Publishing<T>(Func<T> factory) where T : class => () =>
    {
        var value = factory();
        if (value is not null) RaceThread.Current.Release(SyncObjects.For(value));
        return value!;
    };

    static T Published<T>(T value) where T : class
    {
        if (value is not null && SyncObjects.Existing(value) is { } clock) RaceThread.Current.Acquire(clock);
        return value!;
    }

    [Intercepts(Initializer, "EnsureInitialized", Sanitizer = "thread")]
    public static T EnsureInitialized<T>(ref T? target) where T : class =>
        Published(LazyInitializer.EnsureInitialized(ref target, Publishing(Construct<T>)));

    [Intercepts(Initializer, "EnsureInitialized", Sanitizer = "thread")]
    public static T EnsureInitialized<T>(ref T? target, Func<T> valueFactory) where T : class
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        return Published(LazyInitializer.EnsureInitialized(ref target, Publishing(valueFactory)));
    }

    [Intercepts(Initializer, "EnsureInitialized", Sanitizer = "thread")]
    public static T EnsureInitialized<T>(ref T? target, ref object? syncLock, Func<T> valueFactory) where T : class
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        return Published(LazyInitializer.EnsureInitialized(ref target, ref syncLock, Publishing(valueFactory)));
    }
}
