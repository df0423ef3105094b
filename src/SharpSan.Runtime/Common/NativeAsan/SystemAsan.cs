using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Common.NativeAsan;

/// <summary>
/// Works with the system's AddressSanitizer runtime when `sharpsan run|test --native address` preloads it, so that
/// native libraries built with -fsanitize=address are checked in the same run: ASan calls back here with its report
/// right before it dies (__asan_set_error_report_callback), on the thread that made the bad access, where SharpSan's
/// shadow stack still holds the managed frames that called into the library.
/// </summary>
internal static unsafe class SystemAsan
{
    const string Site = "SystemAsan.OnReport";

    /// <summary>Registers the report callback when the ASan runtime is loaded in this process (nothing otherwise).</summary>
    public static void Attach()
    {
        nint setter = dlsym(0, "__asan_set_error_report_callback");
        if (SanitizerRuntime.Options.Verbosity > 0) Console.Error.WriteLine($"=={SanitizerRuntime.Pid}==SharpSan: system AddressSanitizer {(setter == 0 ? "not loaded" : "loaded: its reports get the managed frames")}");
        if (setter == 0) return;
        ((delegate* unmanaged<delegate* unmanaged<byte*, void>, void>)setter)(&OnReport);
        if (SanitizerRuntime.Options.FailTests) NativeHostDeath.Attach(0);
    }

    [UnmanagedCallersOnly]
    static void OnReport(byte* text)
    {
        string asanText = Marshal.PtrToStringUTF8((nint)text) ?? "";
        try
        {
            InternalErrors.Inject(Site);
            Span<long> frames = stackalloc long[256];
            int n = ShadowStack.Capture(frames);
            SanitizerRuntime.Report(new NativeAsanReport(asanText, frames[..n].ToArray(), PerfMap.Load(SanitizerRuntime.Pid)));
        }
        catch (Exception e) when (InternalErrors.Contain(Site, e))
        {
            // ASan's own text is in its log: say where, so the finding is not lost.
            Console.Error.WriteLine(asanText);
        }
    }

    [DllImport("libc")]
    static extern nint dlsym(nint handle, string symbol);
}
