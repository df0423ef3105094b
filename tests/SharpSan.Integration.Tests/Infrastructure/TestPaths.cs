using System.Reflection;

namespace SharpSan.Integration.Tests.Infrastructure;

/// <summary>Where things are: the test programs' sources, the CLI under test, and this run's scratch folder.</summary>
public static class TestPaths
{
    static readonly Lazy<string> s_root = new(CreateRoot);

    /// <summary>tests/SharpSan.Integration.Tests/Apps (recorded at build time).</summary>
    public static string AppsDirectory { get; } = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SharpSan.Integration.AppsDirectory").Value!;

    /// <summary>The real CLI, copied into the test output folder by the ProjectReference.</summary>
    public static string SharpSanDll { get; } = Path.Combine(AppContext.BaseDirectory, "sharpsan.dll");

    /// <summary>The .NET installation running the tests (…/shared/Microsoft.NETCore.App/&lt;version&gt;/ → three levels up).</summary>
    public static string DotnetRoot { get; } =
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>A scratch folder for this test run, deleted when the test process exits.</summary>
    public static string Root => s_root.Value;

    /// <summary>A new empty folder under <see cref="Root"/> (not created when <paramref name="create"/> is false).</summary>
    public static string NewDirectory(string name, bool create = true)
    {
        string path = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        if (create) Directory.CreateDirectory(path);
        return path;
    }

    static string CreateRoot()
    {
        string parent = Path.Combine(Path.GetTempPath(), "sharpsan-integration");
        RemoveLeftovers(parent);
        string root = Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16]);
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    /// <summary>The test host is not always given the chance to run exit handlers: remove folders of dead runs.</summary>
    static void RemoveLeftovers(string parent)
    {
        if (!Directory.Exists(parent)) return;
        foreach (var dir in Directory.EnumerateDirectories(parent))
        {
            string name = Path.GetFileName(dir);
            int dash = name.IndexOf('-');
            if (dash <= 0 || !int.TryParse(name[..dash], out int pid)) continue;
            bool alive;
            try { using var p = System.Diagnostics.Process.GetProcessById(pid); alive = !p.HasExited; }
            catch (ArgumentException) { alive = false; }
            if (!alive) TryDelete(dir);
        }
    }

    static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>1-based line of the line in Apps/&lt;app&gt;/Program.cs that ends with the comment `// MARKER…`.</summary>
    public static int MarkerLine(string app, string marker)
    {
        var lines = File.ReadAllLines(Path.Combine(AppsDirectory, app, "Program.cs"));
        var hits = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains("// " + marker, StringComparison.Ordinal)).ToList();
        if (hits.Count > 1) throw new InvalidOperationException($"marker '// {marker}' appears {hits.Count} times in Apps/{app}/Program.cs");
        int index = hits.Count == 1 ? hits[0].i : -1;
        if (index < 0) throw new InvalidOperationException($"marker '{marker}' not found in Apps/{app}/Program.cs");
        return index + 1;
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
