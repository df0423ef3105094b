using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Common.NativeAsan;

/// <summary>
/// `sharpsan test --native address`: ASan carries on after an error it finds in an interceptor or in code built with
/// -fsanitize-recover=address, but an error found by the inline checks of a library built without it ends the process
/// (ASan's Die) right after the report — the test host, with every test still to run. ASan calls back here
/// (__sanitizer_set_death_callback) before it exits: when a native finding of a running test came just before, the
/// process says which test and why on stderr and leaves a note in the results folder (host-death-&lt;pid&gt;.json) for
/// `sharpsan test`'s summary. The callback is withdrawn when the process exits normally (LeakSanitizer's exit-time
/// check also ends in Die, after the managed runtime is gone).
/// </summary>
internal static unsafe class NativeHostDeath
{
    const string Site = "NativeHostDeath.OnDeath";

    /// <summary>The file name prefix `sharpsan test` looks for in the findings folder.</summary>
    public const string NotePrefix = "host-death-";

    static nint s_setter;

    /// <summary>The test and kind of the last native finding raised in a test (set on the report path).</summary>
    static volatile Tuple<string, string>? s_last;

    public static void Attach(nint handle)
    {
        s_setter = dlsym(handle, "__sanitizer_set_death_callback");
        if (s_setter == 0) return;
        ((delegate* unmanaged<delegate* unmanaged<void>, void>)s_setter)(&OnDeath);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Detach();
    }

    /// <summary>A native finding was raised in <paramref name="test"/>: should ASan end the process now, this is why.</summary>
    public static void NativeFindingIn(string test, string kind) => s_last = Tuple.Create(test, kind);

    static void Detach()
    {
        if (s_setter != 0) ((delegate* unmanaged<delegate* unmanaged<void>, void>)s_setter)(null);
    }

    [UnmanagedCallersOnly]
    static void OnDeath()
    {
        try
        {
            InternalErrors.Inject(Site);
            if (s_last is not { } last) return;
            var (test, kind) = (last.Item1, last.Item2);
            int pid = SanitizerRuntime.Pid;
            Console.Error.WriteLine($"=={pid}==SharpSan: the system AddressSanitizer ends this test host after its {kind} report in test {test}: " +
                "an error found by a library's own (inline) checks cannot be continued past unless the library is built with " +
                "-fsanitize-recover=address, so the remaining tests do not run. Rebuild it with `-fsanitize=address -fsanitize-recover=address` " +
                "(sharpsan test already sets halt_on_error=0) and only this test fails.");
            Console.Error.Flush();
            if (SanitizerRuntime.Findings is { } findings)
            {
                var note = new System.Text.Json.Nodes.JsonObject { ["pid"] = pid, ["test"] = test, ["kind"] = kind };
                File.WriteAllText(Path.Combine(findings.Folder, $"{NotePrefix}{pid}.json"), note.ToJsonString());
            }
        }
        catch (Exception e) when (InternalErrors.Contain(Site, e))
        {
            // ASan exits all the same; the finding was written before.
        }
    }

    [DllImport("libc")]
    static extern nint dlsym(nint handle, string symbol);
}
