namespace SharpSan.Cli.Commands;

/// <summary>Progress on stderr: one line rewritten in place on a terminal, plain lines otherwise (CI logs).</summary>
internal static class Progress
{
    static readonly bool s_interactive = !Console.IsErrorRedirected;

    public static void Line(string message)
    {
        if (s_interactive) Console.Error.Write($"\r\u001b[Ksharpsan: {message}");
        else Console.Error.WriteLine($"sharpsan: {message}");
    }

    public static void Done()
    {
        if (s_interactive) Console.Error.Write("\r\u001b[K");
    }
}
