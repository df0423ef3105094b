using System.Globalization;

namespace SharpSan.Runtime.Common.NativeAsan;

/// <summary>
/// Names of JIT-compiled code from the runtime's perf map (perf-&lt;pid&gt;.map in DOTNET_PerfMapJitDumpPath, else /tmp,
/// written when DOTNET_PerfMapEnabled is set): "0xSTART SIZE name" per line, hexadecimal. The system AddressSanitizer sees managed
/// frames only as anonymous executable memory; this turns their addresses back into method names.
/// </summary>
public sealed class PerfMap
{
    readonly (ulong Start, ulong End, string Name)[] _ranges;

    PerfMap((ulong, ulong, string)[] ranges) => _ranges = ranges;

    /// <summary>The map of process <paramref name="pid"/> in <paramref name="folder"/> (default: where this process's runtime writes its own).</summary>
    public static PerfMap Load(int pid, string? folder = null)
    {
        folder ??= Environment.GetEnvironmentVariable("DOTNET_PerfMapJitDumpPath") is { Length: > 0 } given ? given : "/tmp";
        string path = Path.Combine(folder, $"perf-{pid}.map");
        var ranges = new List<(ulong, ulong, string)>();
        try
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                int a = line.IndexOf(' '), b = a < 0 ? -1 : line.IndexOf(' ', a + 1);
                if (b < 0) continue;
                var startText = line.AsSpan(0, a);
                if (startText.StartsWith("0x")) startText = startText[2..];
                if (ulong.TryParse(startText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong start) &&
                    ulong.TryParse(line.AsSpan(a + 1, b - a - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong size))
                    ranges.Add((start, start + size, line[(b + 1)..]));
            }
        }
        catch (IOException)
        {
            // No map (the variable was not set): frames stay anonymous.
        }
        return new PerfMap([.. ranges]);
    }

    /// <summary>The JIT'd method containing <paramref name="address"/>, or null.</summary>
    public string? NameOf(ulong address)
    {
        // Later entries win: code can be re-jitted at a new tier into memory an older one used.
        for (int i = _ranges.Length - 1; i >= 0; i--)
            if (address >= _ranges[i].Start && address < _ranges[i].End) return _ranges[i].Name;
        return null;
    }
}
