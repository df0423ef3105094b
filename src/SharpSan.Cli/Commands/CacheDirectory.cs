namespace SharpSan.Cli.Commands;

/// <summary>Where instrumented copies are cached: $SHARPSAN_CACHE, else $XDG_CACHE_HOME/sharpsan, else ~/.cache/sharpsan.</summary>
internal static class CacheDirectory
{
    public static string Root
    {
        get
        {
            string? explicitRoot = Environment.GetEnvironmentVariable("SHARPSAN_CACHE");
            if (!string.IsNullOrEmpty(explicitRoot)) return explicitRoot;
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            string baseDir = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(baseDir, "sharpsan");
        }
    }
}
