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
/// only if it does on both paths, or holds null on the other) and the union of what may have escaped; a reference the
/// join stops following may be published unseen, so its object counts as escaped.
/// <para>Elements: an unpublished array into which only objects of one site were stored gives back that site when an
/// element is loaded (the objects a loop creates and keeps in a fresh array), as long as no object of that site was
/// ever published or dropped from the analysis' view (<see cref="_lost"/>): any instance in the array may be an older
/// one. An element load that cannot name its object publishes what the array holds.</para>
/// </remarks>
sealed class UnpublishedState
{
    /// <summary>Any value the analysis does not follow (a parameter, a loaded field, a call's result, a number).</summary>
    public const int Unknown = -1;

    /// <summary>The null reference (a fresh local, <c>ldnull</c>): joins with an object without losing it.</summary>
    public const int Null = -2;

    readonly int[] _variables;
    readonly List<int> _stack;
    readonly HashSet<int> _escaped;
    readonly Dictionary<(int Owner, string Field), int> _fields;
    readonly HashSet<(int Owner, int Held)> _holds;
    /// <summary>Per unpublished array, the one site whose objects were stored into it, or Unknown when others were.</summary>
    readonly Dictionary<int, int> _elements;
    /// <summary>Sites some object of which may have escaped or be referenced unseen: element loads never name them.</summary>
    readonly HashSet<int> _lost;

    public UnpublishedState(int variables)
    {
        _variables = new int[variables];
        Array.Fill(_variables, Unknown);
        _stack = [];
        _escaped = [];
        _fields = [];
        _holds = [];
        _elements = [];
        _lost = [];
    }

    UnpublishedState(UnpublishedState other)
    {
        _variables = (int[])other._variables.Clone();
        _stack = [.. other._stack];
        _escaped = [.. other._escaped];
        _fields = new(other._fields);
        _holds = [.. other._holds];
        _elements = new(other._elements);
        _lost = [.. other._lost];
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
        if (value < 0) return;
        _lost.Add(value);
        if (!_escaped.Add(value)) return;
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
        if (field is null)
        {
            if (value != Null) _elements[owner] = _elements.TryGetValue(owner, out int kept) && kept != value || value < 0 ? Unknown : value;
            return;
        }
        if (value >= 0) _fields[(owner, field)] = value;
        else _fields.Remove((owner, field));
    }

    /// <summary>What <paramref name="owner"/>'s field holds, as far as this method stored it while the owner was unpublished.</summary>
    public int Load(int owner, string field) =>
        IsUnpublished(owner) && _fields.TryGetValue((owner, field), out int value) ? value : Unknown;

    /// <summary>
    /// An element of <paramref name="array"/>: the site of its objects when they are known (see the remarks), else
    /// unknown, and then what the array holds escapes (the loaded reference is not followed). An unpublished array is
    /// always one this method created (nothing else can store into it unseen), so with nothing stored it holds nulls.
    /// </summary>
    public int LoadElement(int array)
    {
        if (!IsUnpublished(array)) return Unknown;
        if (!_elements.TryGetValue(array, out int site)) return Null;   // nothing stored yet: a fresh array holds nulls
        if (site >= 0 && !_lost.Contains(site)) return site;
        EscapeHeld(array);
        return Unknown;
    }

    /// <summary>The array's elements may be read or written through an address: what it holds can no longer be followed.</summary>
    public void EscapeHeld(int owner)
    {
        if (owner < 0) return;
        foreach (var (holder, held) in _holds.ToList())
            if (holder == owner) Escape(held);
        _elements[owner] = Unknown;
    }

    /// <summary>The field may be written through its address, or by a constructor this one chains to: forget what it held (it escapes).</summary>
    public void ForgetField(int owner, string? field)
    {
        foreach (var key in _fields.Keys.Where(k => k.Owner == owner && (field is null || k.Field == field)).ToList())
        {
            Escape(_fields[key]);
            _fields.Remove(key);
        }
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
        {
            if (_fields[key] == site) _lost.Add(site);   // the older object stays reachable through that field, unfollowed
            _fields.Remove(key);
        }
        for (int k = 0; k < _variables.Length; k++)
            if (_variables[k] == site)
            {
                _variables[k] = Unknown;
                _lost.Add(site);
            }
        for (int k = 0; k < _stack.Count; k++)
            if (_stack[k] == site)
            {
                _stack[k] = Unknown;
                _lost.Add(site);
            }
        _elements.Remove(site);
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
            changed |= JoinValue(ref _variables[k], other._variables[k]);
        for (int k = 0; k < _stack.Count && !keepStack; k++)
        {
            int value = _stack[k];
            changed |= JoinValue(ref value, other._stack[k]);
            _stack[k] = value;
        }
        foreach (var (key, value) in _fields.ToList())
            if (!other._fields.TryGetValue(key, out int theirs) || theirs != value)
            {
                _fields.Remove(key);
                changed = true;
                Lose(value);
                if (other._fields.ContainsKey(key)) Lose(theirs);
            }
        foreach (var (key, theirs) in other._fields)
            if (!_fields.ContainsKey(key)) changed |= Lose(theirs);
        foreach (var (array, theirs) in other._elements)
            if (!_elements.TryGetValue(array, out int mine) || mine != theirs)
            {
                int joined = _elements.ContainsKey(array) ? Unknown : theirs;
                if (!_elements.TryGetValue(array, out int before) || before != joined) changed = true;
                _elements[array] = joined;
            }
        foreach (var site in other._escaped) changed |= _escaped.Add(site);
        foreach (var site in other._lost) changed |= _lost.Add(site);
        foreach (var hold in other._holds) changed |= _holds.Add(hold);
        return changed;
    }

    /// <summary>One slot's values on two paths: kept if equal (or one is null), else unknown, and the objects it held escape.</summary>
    bool JoinValue(ref int mine, int theirs)
    {
        if (mine == theirs) return false;
        if (theirs == Null && mine >= 0) return false;
        if (mine == Null && theirs >= 0)
        {
            mine = theirs;
            return true;
        }
        bool changed = mine != Unknown;
        changed |= Lose(mine) | Lose(theirs);
        mine = Unknown;
        return changed;
    }

    /// <summary>A reference the analysis stops following: its object may be published unseen.</summary>
    bool Lose(int value)
    {
        if (value < 0) return false;
        bool changed = !_escaped.Contains(value) || !_lost.Contains(value);
        Escape(value);
        return changed;
    }
}
