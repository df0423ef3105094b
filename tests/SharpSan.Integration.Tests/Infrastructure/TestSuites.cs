namespace SharpSan.Integration.Tests.Infrastructure;

/// <summary>The sample solutions under Apps/TestSuites, copied to a scratch folder so their bin/obj never land in the repository.</summary>
public static class TestSuites
{
    /// <summary>Copies Apps/TestSuites/&lt;name&gt; and the suites' shared Directory.Build.props into <paramref name="to"/> (a new scratch folder by default).</summary>
    public static string Copy(string name, string? to = null)
    {
        string suites = Path.Combine(TestPaths.AppsDirectory, "TestSuites");
        to ??= TestPaths.NewDirectory(name);
        CopySources(Path.Combine(suites, name), to);
        File.Copy(Path.Combine(suites, "Directory.Build.props"), Path.Combine(to, "Directory.Build.props"), overwrite: true);
        return to;
    }

    /// <summary>
    /// Puts SharpSan.Annotations.dll (RaceTestBarrier) into the suite's lib/ folder, where its race tests' projects
    /// reference it: a user's suite would take the SharpSan.Annotations package instead.
    /// </summary>
    public static void AddAnnotations(string suite)
    {
        string lib = Path.Combine(suite, "lib");
        Directory.CreateDirectory(lib);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "SharpSan.Annotations.dll"), Path.Combine(lib, "SharpSan.Annotations.dll"), overwrite: true);
    }

    /// <summary>Copies a source tree, leaving out bin/ and obj/ folders.</summary>
    public static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative), overwrite: true);
        }
    }
}
