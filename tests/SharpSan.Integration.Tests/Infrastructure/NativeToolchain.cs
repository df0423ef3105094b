namespace SharpSan.Integration.Tests.Infrastructure;

/// <summary>A fact that needs gcc and its AddressSanitizer runtime; skipped, saying what to install, where they are missing (.ci/run installs them).</summary>
public sealed class NativeToolchainFactAttribute : FactAttribute
{
    public NativeToolchainFactAttribute()
    {
        if (NativeToolchain.Problem is { } problem) Skip = problem;
    }
}

/// <summary>A theory that needs gcc and its AddressSanitizer runtime (as <see cref="NativeToolchainFactAttribute"/>).</summary>
public sealed class NativeToolchainTheoryAttribute : TheoryAttribute
{
    public NativeToolchainTheoryAttribute()
    {
        if (NativeToolchain.Problem is { } problem) Skip = problem;
    }
}

/// <summary>Builds C libraries for the native tests with the machine's gcc and -fsanitize=address.</summary>
public static class NativeToolchain
{
    static readonly Lazy<string?> s_problem = new(() =>
    {
        try
        {
            var gcc = ProcessRunner.RunAsync("gcc", ["-print-file-name=libasan.so"], timeout: TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
            if (gcc.ExitCode != 0) return "gcc is not installed (apt-get install gcc libasan8)";
            return File.Exists(gcc.StdOut.Trim()) ? null : "gcc's AddressSanitizer runtime is not installed (apt-get install libasan8)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "gcc is not installed (apt-get install gcc libasan8)";
        }
    });

    public static string? Problem => s_problem.Value;

    /// <param name="recover">Also -fsanitize-recover=address: ASan can go on after an error of the library's own checks.</param>
    public static void BuildAsanLibrary(string source, string library, bool recover = false)
    {
        string[] flags = recover ? ["-fsanitize=address", "-fsanitize-recover=address"] : ["-fsanitize=address"];
        var r = ProcessRunner.RunAsync("gcc", ["-g", "-O0", .. flags, "-shared", "-fPIC", "-o", library, source], timeout: TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
        Assert.True(r.ExitCode == 0, "gcc failed: " + r);
    }
}
