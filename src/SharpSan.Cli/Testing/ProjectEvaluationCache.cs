using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace SharpSan.Cli.Testing;

/// <summary>
/// Keeps what `dotnet msbuild -getProperty` answered for a test project, so that a second `sharpsan test` of an
/// unchanged project does not start MSBuild again (1–2 s a project, most of `sharpsan test`'s own cost). An answer is
/// reused only when everything that can change it is unchanged: the project file and the files it imports by a path
/// we can resolve, the Directory.Build.*, Directory.Packages.props, global.json and NuGet.config files of its folder and
/// every folder above, the restore's outputs in obj/ (the packages' imports), the installed SDKs, the dotnet host, the
/// command line's properties and the environment (MSBuild reads every variable as a property). Each file counts by its
/// path, length and modification time (or its absence). An import behind any other property is not seen.
/// </summary>
internal sealed class ProjectEvaluationCache(string root)
{
    const int FormatVersion = 1;
    static readonly string[] FilesOfEveryFolderAbove =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Build.rsp", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config", "NuGet.Config"];
    static readonly HashSet<string> VolatileVariables = ["PWD", "OLDPWD", "SHLVL", "_"];

    /// <summary>The cache under sharpsan's cache folder ($SHARPSAN_CACHE, $XDG_CACHE_HOME/sharpsan or ~/.cache/sharpsan).</summary>
    public static ProjectEvaluationCache Default { get; } = new(Path.Combine(Commands.CacheDirectory.Root, "evaluations"));

    /// <summary>
    /// The cached answer for <paramref name="project"/> evaluated with <paramref name="arguments"/>, or
    /// <paramref name="evaluate"/>'s, kept when it is not null (a failed evaluation is asked again next time).
    /// </summary>
    public string? GetOrEvaluate(string project, IReadOnlyList<string> arguments, Func<string?> evaluate)
    {
        string? file = null;
        try
        {
            file = Path.Combine(root, Key(project, arguments) + ".json");
            if (File.Exists(file)) return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable cache is no cache.
        }
        string? answer = evaluate();
        if (answer is not null && file is not null) TryWrite(file, answer);
        return answer;
    }

    static void TryWrite(string file, string answer)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            string temporary = $"{file}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, answer);
            File.Move(temporary, file, overwrite: true);   // a concurrent reader sees the whole answer or none
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not kept: the next run evaluates again.
        }
    }

    /// <summary>A hash of everything the evaluation's answer depends on (see the type's summary).</summary>
    public static string Key(string project, IReadOnlyList<string> arguments)
    {
        var text = new StringBuilder();
        text.Append("v").Append(FormatVersion).Append('\n').Append(Path.GetFullPath(project)).Append('\n');
        foreach (var argument in arguments) text.Append("arg ").Append(argument).Append('\n');
        foreach (var file in InputFiles(project)) text.Append(Stamp(file)).Append('\n');
        text.Append(Stamp(DotnetHost.Path)).Append('\n');
        foreach (var sdk in InstalledSdks()) text.Append("sdk ").Append(sdk).Append('\n');
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, e.Value as string ?? "")).Where(v => !VolatileVariables.Contains(v.Item1)).OrderBy(v => v.Item1, StringComparer.Ordinal))
            text.Append("env ").Append(name).Append('=').Append(value).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32].ToLowerInvariant();
    }

    static IEnumerable<string> InputFiles(string project)
    {
        string full = Path.GetFullPath(project);
        string folder = Path.GetDirectoryName(full)!;
        yield return full;
        foreach (var import in ImportsOf(full)) yield return import;
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
            foreach (var name in FilesOfEveryFolderAbove) yield return Path.Combine(dir.FullName, name);
        string obj = Path.Combine(folder, "obj");
        if (Directory.Exists(obj))
            foreach (var file in Directory.EnumerateFiles(obj).Where(IsRestoreOutput).OrderBy(f => f, StringComparer.Ordinal))
                yield return file;
    }

    static bool IsRestoreOutput(string file) =>
        file.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".targets", StringComparison.OrdinalIgnoreCase)
        || Path.GetFileName(file) == "project.assets.json";

    /// <summary>The project's own &lt;Import Project="…"&gt; files whose path needs no property but the project's folder.</summary>
    static IEnumerable<string> ImportsOf(string project)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(project);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return [];   // MSBuild reports it; the file's stamp is in the key all the same
        }
        string folder = Path.GetDirectoryName(project)!;
        return document.Descendants().Where(e => e.Name.LocalName == "Import").Select(e => (string?)e.Attribute("Project"))
            .OfType<string>()
            .Select(p => p.Replace("$(MSBuildThisFileDirectory)", folder + Path.DirectorySeparatorChar)
                .Replace("$(MSBuildProjectDirectory)", folder).Replace('\\', Path.DirectorySeparatorChar))
            .Where(p => !p.Contains("$(") && !p.Contains('*'))
            .Select(p => Path.GetFullPath(Path.Combine(folder, p))).ToList();
    }

    static string Stamp(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? $"{file} {info.Length} {info.LastWriteTimeUtc.Ticks}" : $"{file} -";
    }

    /// <summary>The SDK folders next to the dotnet host: which SDK global.json's rules pick depends on them.</summary>
    static IEnumerable<string> InstalledSdks()
    {
        string host = DotnetHost.Path;
        string? root = Path.IsPathRooted(host) ? Path.GetDirectoryName(host) : Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (root is null || !Directory.Exists(Path.Combine(root, "sdk"))) return [];
        return Directory.EnumerateDirectories(Path.Combine(root, "sdk")).Select(Path.GetFileName).OfType<string>().OrderBy(d => d, StringComparer.Ordinal);
    }
}
