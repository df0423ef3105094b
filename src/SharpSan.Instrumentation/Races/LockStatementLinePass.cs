using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Gives <c>lock (l)</c> on a System.Threading.Lock the line of its <c>lock</c>. Roslyn compiles it to
/// <c>l.EnterScope()</c> without a sequence point of its own, so the acquisition would be reported at the line of
/// whatever statement came before (the method's opening brace, the previous statement). The line is found in the
/// source between that statement and the lock's body; without the source, the body's first line is the nearest one.
/// Monitor's <c>lock</c> needs nothing: Roslyn marks its lock expression.
/// </summary>
public sealed partial class LockStatementLinePass : IInstrumentationPass
{
    readonly Dictionary<string, string[]?> _sources = [];

    public string Name => "lock statement lines";

    public void Run(MethodContext ctx)
    {
        if (ctx.SequencePoints.Count == 0) return;
        Dictionary<Instruction, SequencePoint>? points = null;
        foreach (var call in ctx.Method.Body.Instructions)
        {
            if (!IsEnterScope(call)) continue;
            points ??= ctx.SequencePoints.GroupBy(p => p.Instruction).ToDictionary(g => g.Key, g => g.First().Point);
            if (points.ContainsKey(call)) continue;
            var before = Nearest(call, points, backwards: true);
            var body = Nearest(call, points, backwards: false);
            if (body is null || body.IsHidden) continue;
            var (line, start, end) = LockHeader(before, body) ?? (body.StartLine, body.StartColumn, body.StartColumn + 1);
            ctx.AddSequencePoint(call, new SequencePoint(call, body.Document) { StartLine = line, StartColumn = start, EndLine = line, EndColumn = end });
            ctx.Changed = true;
        }
    }

    static bool IsEnterScope(Instruction i) =>
        i.OpCode.Code is Code.Call or Code.Callvirt && i.Operand is MethodReference { Name: "EnterScope" } m
        && m.DeclaringType.FullName == "System.Threading.Lock";

    /// <summary>The sequence point of the closest marked instruction before (or after) <paramref name="from"/>.</summary>
    static SequencePoint? Nearest(Instruction from, Dictionary<Instruction, SequencePoint> points, bool backwards)
    {
        for (var i = backwards ? from.Previous : from.Next; i is not null; i = backwards ? i.Previous : i.Next)
            if (points.TryGetValue(i, out var point)) return point;
        return null;
    }

    [GeneratedRegex(@"\block\s*\(")]
    private static partial Regex LockKeyword();

    /// <summary>The last <c>lock (</c> in the source between the previous statement's end and the body's start.</summary>
    (int Line, int Start, int End)? LockHeader(SequencePoint? before, SequencePoint body)
    {
        if (Source(body.Document.Url) is not { } lines || body.StartLine > lines.Length) return null;
        int firstLine = before is { IsHidden: false } && before.EndLine <= body.StartLine ? before.EndLine : Math.Max(1, body.StartLine - 10);
        for (int line = body.StartLine; line >= firstLine; line--)
        {
            string text = lines[line - 1];
            int end = line == body.StartLine ? Math.Min(text.Length, body.StartColumn - 1) : text.Length;
            int start = before is { IsHidden: false } && line == before.EndLine ? Math.Min(end, Math.Max(0, before.EndColumn - 1)) : 0;
            Match? last = null;
            for (var m = LockKeyword().Match(text, start, end - start); m.Success; m = m.NextMatch()) last = m;
            if (last is null) continue;
            return (line, last.Index + 1, last.Index + last.Length + 1);
        }
        return null;
    }

    string[]? Source(string path)
    {
        if (_sources.TryGetValue(path, out var lines)) return lines;
        try
        {
            lines = File.Exists(path) ? File.ReadAllLines(path) : null;
        }
        catch (IOException)
        {
            lines = null;
        }
        catch (UnauthorizedAccessException)
        {
            lines = null;
        }
        return _sources[path] = lines;
    }
}
