using System.Text;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Common.Reporting;

/// <summary>Writes report text in ASan/TSan's grammar: header, stacks, descriptions, SUMMARY.</summary>
public sealed class ReportBuilder
{
    readonly StringBuilder _text = new();
    readonly List<ReportStack> _stacks = [];
    string _lastLine = "";

    /// <summary>The stacks printed so far, each with the line that introduced it ("allocated by thread T0 here:").</summary>
    public IReadOnlyList<ReportStack> Stacks => _stacks;

    /// <summary>The frame the SUMMARY line names, once printed.</summary>
    public SymbolizedFrame? SummaryFrame { get; private set; }

    public int Pid { get; } = SanitizerRuntime.Pid;

    public ReportBuilder Line(string line = "")
    {
        _text.Append(line).Append('\n');
        if (line.Length > 0 && !line.StartsWith("    #", StringComparison.Ordinal)) _lastLine = line;
        return this;
    }

    public ReportBuilder Separator() => Line("=================================================================");

    /// <summary><c>==pid==ERROR: Tool: message</c></summary>
    public ReportBuilder Error(string tool, string message) => Line($"=={Pid}==ERROR: {tool}: {message}");

    /// <summary>Prints a stack, innermost first; returns the first frame (for SUMMARY).</summary>
    public SymbolizedFrame? Stack(ReadOnlySpan<long> frames, int firstNumber = 0)
    {
        SymbolizedFrame? top = null;
        if (frames.IsEmpty)
        {
            Line("    <empty stack>");
            return null;
        }
        var symbolized = new SymbolizedFrame[frames.Length];
        _stacks.Add(new ReportStack(_lastLine, symbolized));
        for (int i = 0; i < frames.Length; i++)
        {
            var f = symbolized[i] = Symbolizer.Symbolize(StackFrame.Unpack(frames[i]));
            top ??= IsUserFrame(frames[i]) ? f : null;
            Line(f.File is null && f.ModuleName == "SharpSan.Runtime"
                ? $"    #{firstNumber + i} 0x{f.IlOffset:x4} in {f.Method}"
                : $"    #{firstNumber + i} 0x{f.IlOffset:x4} in {f.Method} {f.Location}");
        }
        return top ?? Symbolizer.Symbolize(StackFrame.Unpack(frames[0]));
    }

    public SymbolizedFrame? Stack(int depotId) => Stack(StackDepot.Get(depotId));

    /// <summary>Prints frames symbolized already (guard mode's captured stacks); returns the first one with a source line (else the first not from SharpSan.Runtime).</summary>
    public SymbolizedFrame? Stack(IReadOnlyList<SymbolizedFrame> frames)
    {
        if (frames.Count == 0)
        {
            Line("    <empty stack>");
            return null;
        }
        _stacks.Add(new ReportStack(_lastLine, frames));
        for (int i = 0; i < frames.Count; i++)
        {
            var f = frames[i];
            Line(f.File is null && f.ModuleName == "SharpSan.Runtime" ? $"    #{i} 0x{f.IlOffset:x4} in {f.Method}" : $"    #{i} 0x{f.IlOffset:x4} in {f.Method} {f.Location}");
        }
        return frames.FirstOrDefault(f => f.File is not null) ?? frames.FirstOrDefault(f => f.ModuleName != "SharpSan.Runtime") ?? frames[0];
    }

    static bool IsUserFrame(long packed) => StackFrame.Unpack(packed).FrameKey != StackFrame.SyntheticKey;

    public ReportBuilder Summary(string tool, string kind, SymbolizedFrame? frame)
    {
        SummaryFrame = frame;
        return Line(frame is null ? $"SUMMARY: {tool}: {kind}" : $"SUMMARY: {tool}: {kind} {frame.Location} in {frame.Method}");
    }

    public override string ToString() => _text.ToString();
}

/// <summary>A printed stack and the line that introduced it.</summary>
public sealed record ReportStack(string Heading, IReadOnlyList<SymbolizedFrame> Frames);
