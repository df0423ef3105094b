using System.Runtime.InteropServices;
using System.Text;

namespace SharpSan.EndToEnd.Harness;

/// <summary>
/// Makes the native launcher (apphost) that `dotnet build` puts beside an app, for a test app compiled by Roslyn: the
/// SDK's apphost template with the app's file name written over its placeholder, as the SDK's HostWriter does.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]   // the launcher made here is the Unix one
public static class AppHost
{
    /// <summary>The placeholder the template carries where the app's path goes: the SHA-256 of "foobar", as text.</summary>
    static readonly byte[] Placeholder = Encoding.UTF8.GetBytes("c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2");

    /// <summary>The .NET installation running the tests (…/shared/Microsoft.NETCore.App/&lt;version&gt;/ → its root).</summary>
    public static string DotnetRoot { get; } =
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>Writes `&lt;dir&gt;/&lt;name&gt;` (executable) beside `&lt;dir&gt;/&lt;name&gt;.dll` and returns its path.</summary>
    public static string CreateFor(string dll)
    {
        string template = Directory.GetFiles(Path.Combine(DotnetRoot, "sdk"), "apphost", SearchOption.AllDirectories)
                              .FirstOrDefault(p => p.Contains("AppHostTemplate"))
                          ?? throw new FileNotFoundException($"no apphost template under {DotnetRoot}/sdk");
        byte[] image = File.ReadAllBytes(template);
        int at = image.AsSpan().IndexOf(Placeholder);
        if (at < 0) throw new InvalidDataException($"{template} has no app-path placeholder");
        byte[] name = Encoding.UTF8.GetBytes(Path.GetFileName(dll));
        image.AsSpan(at, Placeholder.Length).Clear();
        name.CopyTo(image, at);
        string host = Path.ChangeExtension(dll, null);
        File.WriteAllBytes(host, image);
        File.SetUnixFileMode(host, File.GetUnixFileMode(host) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return host;
    }
}
