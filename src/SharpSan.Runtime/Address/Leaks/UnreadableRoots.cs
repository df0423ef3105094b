namespace SharpSan.Runtime.Address.Leaks;

/// <summary>
/// Roots and objects the scan could not read (a static whose type initializer failed, a field reflection refuses):
/// each is skipped and the scan goes on; one warning at the end names them (type.field and why).
/// </summary>
internal sealed class UnreadableRoots
{
    const int Named = 10;
    readonly Dictionary<string, string> _reasons = [];

    public int Count => _reasons.Count;

    public void Add(string where, Exception e)
    {
        lock (_reasons) _reasons.TryAdd(where, e.GetType().Name);
    }

    public string Describe()
    {
        lock (_reasons)
        {
            var named = _reasons.Take(Named).Select(r => $"{r.Key} ({r.Value})");
            string more = _reasons.Count > Named ? $" and {_reasons.Count - Named} more" : "";
            return string.Join(", ", named) + more;
        }
    }
}
