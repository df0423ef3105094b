using System.Reflection;
using System.Runtime.ExceptionServices;

namespace SharpSan.Runtime.Address.Pools;

/// <summary>
/// Tests that assert the pool hands back the array they just returned (<c>Assert.Same(first, pool.Rent(n))</c>) fail
/// under the checking pool, whose quarantine holds that array back. When a Rent got a different array only because
/// of the quarantine, the renting thread remembers it until that array is returned; a test framework's assertion
/// exception thrown on the thread meanwhile gets a note naming the option that restores the BCL's behaviour,
/// appended to its message (and printed once on stderr). The exception handler is registered only once such a
/// Rent has happened, and costs one thread-static read per exception.
/// </summary>
internal static class QuarantineNote
{
    // Plain thread-static fields, not a record: a rent/return loop meets this on every Rent and must not allocate.
    [ThreadStatic] static object? t_array;
    [ThreadStatic] static string? t_elementName;
    [ThreadStatic] static int t_requested;
    static int s_registered;
    static int s_printed;
    static readonly FieldInfo? s_message = typeof(Exception).GetField("_message", BindingFlags.Instance | BindingFlags.NonPublic);

    public const string Option = "pool_quarantine_size_mb=0";

    public static string Text(string rent) =>
        $"SharpSan: {rent} handed out a different array than ArrayPool.Shared would have: the array returned last is held " +
        $"back in SharpSan's pool quarantine (to catch pool-use-after-return). A test that expects the pool to hand back " +
        $"the same array passes with SHARPSAN_OPTIONS={Option}.";

    /// <summary>A Rent of <paramref name="array"/> that the quarantine changed.</summary>
    public static void Remember(object array, string elementName, int requested)
    {
        (t_array, t_elementName, t_requested) = (array, elementName, requested);
        if (Interlocked.Exchange(ref s_registered, 1) == 0) AppDomain.CurrentDomain.FirstChanceException += OnException;
    }

    /// <summary>The array went back to the pool: what follows is no longer "right after" its Rent.</summary>
    public static void Returned(object array)
    {
        if (ReferenceEquals(t_array, array)) t_array = null;
    }

    static void OnException(object? sender, FirstChanceExceptionEventArgs args)
    {
        if (t_array is null) return;
        try
        {
            if (!IsTestAssertion(args.Exception.GetType())) return;
            t_array = null;
            string note = Text($"ArrayPool<{t_elementName}>.Rent({t_requested})");
            if (s_message is not null) s_message.SetValue(args.Exception, (s_message.GetValue(args.Exception) as string) + Environment.NewLine + note);
            if (Interlocked.Exchange(ref s_printed, 1) == 0) Console.Error.WriteLine($"=={SanitizerRuntime.Pid}==SharpSan: note: a test assertion failed right after a Rent. {note}");
        }
        catch (Exception)
        {
            // A note is a courtesy: never disturb the exception being thrown.
        }
    }

    /// <summary>An assertion failure of xunit, NUnit or MSTest (by the namespace of the type or a base type).</summary>
    static bool IsTestAssertion(Type? type)
    {
        for (; type is not null && type != typeof(Exception); type = type.BaseType)
        {
            string ns = type.Namespace ?? "";
            if (ns.StartsWith("Xunit", StringComparison.Ordinal) || ns.StartsWith("NUnit.Framework", StringComparison.Ordinal)
                || ns.StartsWith("Microsoft.VisualStudio.TestTools.UnitTesting", StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
