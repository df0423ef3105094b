using System.Globalization;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.EndToEnd.Harness;

/// <summary>
/// Resolves <c>[[@IL(Method: opcode [Member] [#n])]]</c> against a case's compiled, uninstrumented assembly: the IL
/// offset (as reports print it, at least 4 hex digits) of the n-th (default first) instruction with that opcode in the
/// method — optionally only those whose operand is a member named <c>Member</c> (a called method, a field). The method
/// is its name or <c>Type.Name</c>, and must be unique. So a CHECK can name the offset ildasm shows without hard-coding
/// what the compiler emitted.
/// </summary>
public sealed class OriginalIl(string assemblyPath)
{
    readonly Lazy<List<MethodDefinition>> _methods = new(() =>
    {
        var module = ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { InMemory = true });
        return module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody).ToList();
    });

    /// <exception cref="FormatException">the spec is malformed or names nothing</exception>
    public string Offset(string spec)
    {
        int colon = spec.IndexOf(':');
        if (colon <= 0) throw new FormatException($"[[@IL({spec})]]: expected 'Method: opcode [Member] [#n]'");
        string methodName = spec[..colon].Trim();
        var words = spec[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        int nth = 1;
        if (words.Count > 0 && words[^1].StartsWith('#'))
        {
            nth = int.Parse(words[^1][1..], CultureInfo.InvariantCulture);
            words.RemoveAt(words.Count - 1);
        }
        if (words.Count is 0 or > 2) throw new FormatException($"[[@IL({spec})]]: expected 'Method: opcode [Member] [#n]'");
        string opcode = words[0];
        string? member = words.Count == 2 ? words[1] : null;

        var methods = _methods.Value.Where(m => m.Name == methodName || $"{m.DeclaringType.Name}.{m.Name}" == methodName).ToList();
        if (methods.Count != 1) throw new FormatException($"[[@IL({spec})]]: {methods.Count} methods named {methodName} in {Path.GetFileName(assemblyPath)}");
        var found = methods[0].Body.Instructions
            .Where(i => i.OpCode.Name == opcode && (member is null || i.Operand is MemberReference r && r.Name == member))
            .Skip(nth - 1).FirstOrDefault()
            ?? throw new FormatException($"[[@IL({spec})]]: no such instruction in {methods[0].FullName}");
        return found.Offset.ToString("x4", CultureInfo.InvariantCulture);
    }
}
