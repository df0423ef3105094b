using Mono.Cecil;

namespace SharpSan.Instrumentation.Pipeline;

/// <summary>
/// The interceptor catalog of a combination of modes (address+memory, memory+thread): one call can be redirected only
/// once, so a member that several modes intercept needs one interceptor doing both jobs. Those are tagged with the
/// modes joined by '+' in alphabetical order (<c>[Intercepts(..., Sanitizer = "address+memory")]</c>) and win over the
/// single-mode ones. A member two modes intercept differently without such an interceptor is a conflict: memory's
/// interceptor serves it (its shadow bookkeeping keeps definedness right; a lost address check can only hide a report,
/// never invent one), and <see cref="Conflicts"/> lists it so that a test can demand a combined interceptor.
/// </summary>
internal sealed record CombinedCatalog(IReadOnlyDictionary<string, MethodDefinition> Interceptors, IReadOnlyList<string> Conflicts)
{
    public static CombinedCatalog Build(ModuleDefinition runtime, IReadOnlyList<string> modes, Func<ModuleDefinition, string, Dictionary<string, MethodDefinition>> catalogOf)
    {
        var ordered = modes.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var merged = new Dictionary<string, MethodDefinition>();
        var owners = new Dictionary<string, string>();
        var conflicts = new Dictionary<string, string>();
        // Memory last: on a conflict its interceptor stays.
        foreach (var mode in ordered.OrderBy(m => m == "memory" ? 1 : 0))
        {
            foreach (var (key, method) in catalogOf(runtime, mode))
            {
                if (merged.TryGetValue(key, out var existing) && existing != method) conflicts[key] = $"{key} ({owners[key]}: {existing.FullName}; {mode}: {method.FullName})";
                merged[key] = method;
                owners[key] = mode;
            }
        }
        var combined = new HashSet<string>();
        for (int size = 2; size <= ordered.Count; size++)
        {
            foreach (var subset in Subsets(ordered, size))
            {
                foreach (var (key, method) in catalogOf(runtime, string.Join("+", subset)))
                {
                    merged[key] = method;
                    combined.Add(key);
                }
            }
        }
        return new(merged, conflicts.Where(c => !combined.Contains(c.Key)).Select(c => c.Value).Order(StringComparer.Ordinal).ToList());
    }

    static IEnumerable<IReadOnlyList<string>> Subsets(IReadOnlyList<string> items, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }
        for (int first = 0; first <= items.Count - size; first++)
            foreach (var rest in Subsets(items.Skip(first + 1).ToList(), size - 1))
                yield return [items[first], .. rest];
    }
}
