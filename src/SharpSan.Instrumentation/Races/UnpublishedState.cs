namespace SharpSan.Instrumentation.Races;

/// <summary>
/// What <see cref="UnpublishedFlow"/> knows at one point of a method: which allocation (a site number) each variable
/// and each evaluation-stack slot holds, which allocations may already be seen by other code (escaped), the last
/// value stored into each field of an unescaped object, and which objects were stored into which (so that publishing
/// an object publishes what it holds).
/// </summary>
/// <remarks>
/// A site stands for the most recent object its instruction created: when the instruction runs again, every
/// remaining reference to the older object is forgotten (<see cref="Unknown"/>) and what that object held counts as
/// escaped, since it can no longer be followed. Joining two states keeps only what both say (a variable holds a site
/// only if it does on both paths) and the union of what may have escaped.
/// </remarks>
sealed class UnpublishedState
{
    /// <summary>Any value the analysis does not follow (a parameter, a loaded field, a call's result, a number).</summary>
    public const int Unknown = -1;

    readonly int[] _variables;
    readonly List<int> _stack;
    readonly HashSet<int> _escaped;
    readonly Dictionary<(int Owner, string Field), int> _fields;
    readonly HashSet<(int Owner, int Held)> _holds;

    public UnpublishedState(int variables)
    {
        _variables = new int[variables];
        Array.Fill(_variables, Unknown);
        _stack = [];
        _escaped = [];
        _fields = [];
        _holds = [];
    }

    UnpublishedState(UnpublishedState other)
    {
        _variables = (int[])other._variables.Clone();
        _stack = [.. other._stack];
        _escaped = [.. other._escaped];
        _fields = new(other._fields);
        _holds = [.. other._holds];
    }

    public UnpublishedState Clone() => new(this);

    /// <summary>A copy with the evaluation stack replaced (a handler's entry: empty, or the exception).</summary>
    public UnpublishedState WithStack(int depth)
    {
        var copy = Clone();
        copy._stack.Clear();
        for (int k = 0; k < depth; k++) copy._stack.Add(Unknown);
        return copy;
    }

    /// <summary>The value is an object created in this method (or the constructor's <c>this</c>) that nothing else can see yet.</summary>
    public bool IsUnpublished(int value) => value >= 0 && !_escaped.Contains(value);

    public bool HasEscaped(int site) => _escaped.Contains(site);

    public int Variable(int index) => _variables[index];

    public void SetVariable(int index, int value) => _variables[index] = value;

    public void Push(int value) => _stack.Add(value);

    public int Pop()
    {
        if (_stack.Count == 0) throw new UnpublishedFlow.Unsupported("evaluation stack underflow");
        int top = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return top;
    }

    public int Peek() => _stack.Count == 0 ? throw new UnpublishedFlow.Unsupported("evaluation stack underflow") : _stack[^1];

    public void ClearStack() => _stack.Clear();

    /// <summary>The value may now be seen by other code: so may everything stored into it.</summary>
    public void Escape(int value)
    {
        if (value < 0 || !_escaped.Add(value)) return;
        foreach (var (owner, held) in _holds.ToList())
            if (owner == value) Escape(held);
    }

    /// <summary>
    /// <paramref name="value"/> is stored into <paramref name="owner"/> (a field, when <paramref name="field"/> names
    /// it, or an element): into an unpublished object it stays unpublished until the owner escapes; anywhere else it escapes.
    /// </summary>
    public void Store(int owner, int value, string? field)
    {
        if (!IsUnpublished(owner))
        {
            Escape(value);
            return;
        }
        if (value >= 0) _holds.Add((owner, value));
        if (field is null) return;
        if (value >= 0) _fields[(owner, field)] = value;
        else _fields.Remove((owner, field));
    }

    /// <summary>What <paramref name="owner"/>'s field holds, as far as this method stored it while the owner was unpublished.</summary>
    public int Load(int owner, string field) =>
        IsUnpublished(owner) && _fields.TryGetValue((owner, field), out int value) ? value : Unknown;

    /// <summary>The field may be written through its address, or by a constructor this one chains to: forget what it held.</summary>
    public void ForgetField(int owner, string? field)
    {
        foreach (var key in _fields.Keys.Where(k => k.Owner == owner && (field is null || k.Field == field)).ToList())
            _fields.Remove(key);
    }

    /// <summary>The allocation instruction <paramref name="site"/> runs (again): a new, unpublished object.</summary>
    public void Allocate(int site)
    {
        foreach (var (owner, held) in _holds.Where(h => h.Owner == site).ToList())
        {
            Escape(held);   // the older object can no longer be followed: what it holds may be seen through it
            _holds.Remove((owner, held));
        }
        foreach (var key in _fields.Where(f => f.Key.Owner == site || f.Value == site).Select(f => f.Key).ToList())
            _fields.Remove(key);
        for (int k = 0; k < _variables.Length; k++)
            if (_variables[k] == site) _variables[k] = Unknown;
        for (int k = 0; k < _stack.Count; k++)
            if (_stack[k] == site) _stack[k] = Unknown;
        _escaped.Remove(site);
    }

    /// <summary>
    /// Merges the state of another path into this one; true if this one changed. <paramref name="keepStack"/>: a
    /// handler's entry, whose stack is its own (empty, or the exception) whatever the other state's is.
    /// </summary>
    public bool Join(UnpublishedState other, bool keepStack = false)
    {
        if (!keepStack && other._stack.Count != _stack.Count) throw new UnpublishedFlow.Unsupported("evaluation stacks of different depths meet");
        bool changed = false;
        for (int k = 0; k < _variables.Length; k++)
            if (_variables[k] != other._variables[k] && _variables[k] != Unknown)
            {
                _variables[k] = Unknown;
                changed = true;
            }
        for (int k = 0; k < _stack.Count && !keepStack; k++)
            if (_stack[k] != other._stack[k] && _stack[k] != Unknown)
            {
                _stack[k] = Unknown;
                changed = true;
            }
        foreach (var site in other._escaped) changed |= _escaped.Add(site);
        foreach (var hold in other._holds) changed |= _holds.Add(hold);
        foreach (var (key, value) in _fields.ToList())
            if (!other._fields.TryGetValue(key, out int theirs) || theirs != value)
            {
                _fields.Remove(key);
                changed = true;
            }
        return changed;
    }
}
