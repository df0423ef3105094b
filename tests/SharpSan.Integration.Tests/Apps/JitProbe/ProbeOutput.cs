namespace JitProbe;

/// <summary>The probe's records (see Program.cs); one line each, tabs and newlines in texts flattened.</summary>
public sealed class ProbeOutput(TextWriter writer)
{
    public int Prepared { get; private set; }
    public int Failures { get; private set; }
    public int Skipped { get; private set; }

    public void Ok() => Prepared++;

    public void Fail(string assembly, string member, Exception e)
    {
        Failures++;
        Write("FAIL", assembly, member, $"{e.GetType().FullName}: {e.Message}");
    }

    public void Skip(string assembly, string member, string why)
    {
        Skipped++;
        Write("SKIP", assembly, member, why);
    }

    public void Done(int assemblies, long milliseconds) =>
        Write("DONE", assemblies.ToString(), Prepared.ToString(), Failures.ToString(), Skipped.ToString(), milliseconds.ToString());

    void Write(params string[] fields) =>
        writer.WriteLine(string.Join('\t', fields.Select(f => f.ReplaceLineEndings(" ").Replace('\t', ' '))));
}
