using SharpSan.Cli.Testing;

namespace SharpSan.Cli.Commands;

/// <summary>
/// The process's one <see cref="ProgressView"/> on stderr: a status line rewritten in place on a terminal, plain lines
/// otherwise (see <see cref="ProgressModes"/>). `sharpsan test --progress` chooses explicitly.
/// </summary>
internal static class Progress
{
    public static ProgressView View { get; private set; } = Create(ProgressModes.Detect());

    public static void Use(bool live) => View = Create(live);

    public static void Line(string message) => View.Phase(message);

    public static void Done() => View.Clear();

    static ProgressView Create(bool live) => new(Console.Out, Console.Error, live, TerminalWidth);

    /// <summary>The terminal's width, or 80 when it reports none (a pseudo-terminal nobody sized).</summary>
    static int TerminalWidth()
    {
        try { return Console.WindowWidth > 0 ? Console.WindowWidth : 80; }
        catch (IOException) { return 80; }
    }
}

/// <summary>When the progress view is live: stderr is a terminal, not a dumb one, and no CI system is running us.</summary>
internal static class ProgressModes
{
    public const string Auto = "auto", Plain = "plain", Live = "live";

    // Set by the common CI systems (CI by GitHub Actions, GitLab, Travis, CircleCI, Buildkite and others).
    static readonly string[] s_ciVariables = ["CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE"];

    public static bool Detect() =>
        !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("TERM") != "dumb"
        && !s_ciVariables.Any(v => Environment.GetEnvironmentVariable(v) is { Length: > 0 } value && !value.Equals("false", StringComparison.OrdinalIgnoreCase));

    /// <summary>--progress auto|plain|live as "is live", or null for another word.</summary>
    public static bool? Parse(string mode) => mode switch
    {
        Auto => Detect(),
        Plain => false,
        Live => true,
        _ => null,
    };
}
