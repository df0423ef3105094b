using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Pipeline;

/// <summary>
/// Per-method state shared by the passes: the editor, temporaries, and the "site" constants that must
/// receive the final IL offset of an instruction once all passes have run.
/// <para>
/// Reports print offsets in the ORIGINAL body (what ildasm/ILSpy show and suppressions key on), but a site constant
/// keeps the rewritten offset: the runtime decodes the rewritten IL at it (race reports read the accessed field there)
/// and finds file:line through the rewritten PDB, whose sequence points sit at the real new offsets for debuggers.
/// So <see cref="Finish"/> also records, per site, rewritten → original offset (<see cref="OriginalOffsets"/>); the
/// rewriter ships that table in the assembly and the symbolizer reads it when it prints a report, never before.
/// </para>
/// </summary>
public sealed class MethodContext
{
    /// <summary>Placeholder large enough that macro optimisation keeps the 5-byte ldc.i4 form.</summary>
    public const int Placeholder = 0x7FFF_0000;

    readonly Dictionary<string, VariableDefinition> _temps = [];
    readonly List<(Instruction Constant, Instruction Target, int Flags)> _sites = [];
    readonly List<(Instruction Instruction, SequencePoint Point)> _sequencePoints;
    readonly (Instruction Instruction, int Offset)[] _asRead;
    Dictionary<Instruction, int>? _originalOffsets;

    public MethodContext(MethodDefinition method, ModuleContext module)
    {
        Method = method;
        Module = module;
        // Cecil sets each instruction's offset in the file's body when it reads it; kept by identity before any edit
        // (an array now, the lookup only for the minority of methods that get sites: hashing every instruction of a
        // large assembly was a visible part of its rewrite).
        var instructions = method.Body.Instructions;
        _asRead = new (Instruction, int)[instructions.Count];
        for (int i = 0; i < _asRead.Length; i++) _asRead[i] = (instructions[i], instructions[i].Offset);
        // Cecil loses a sequence point whose instruction has code inserted in front of it at index 0, so the
        // points are remembered by instruction identity (which every edit preserves) and rebuilt in Finish.
        _sequencePoints = method.DebugInformation.HasSequencePoints ? PointsByInstruction(method) : [];
        method.Body.SimplifyMacros();
        Editor = new IlEditor(method.Body);
        Provenance = new AddressProvenance(method);
    }

    static List<(Instruction, SequencePoint)> PointsByInstruction(MethodDefinition method)
    {
        var byOffset = new Dictionary<int, Instruction>(method.Body.Instructions.Count);
        foreach (var i in method.Body.Instructions) byOffset.TryAdd(i.Offset, i);
        var points = new List<(Instruction, SequencePoint)>();
        foreach (var point in method.DebugInformation.SequencePoints)
            if (byOffset.TryGetValue(point.Offset, out var instruction)) points.Add((instruction, point));
        return points;
    }

    Dictionary<Instruction, int> OriginalOffsetsByInstruction
    {
        get
        {
            if (_originalOffsets is null)
            {
                _originalOffsets = new Dictionary<Instruction, int>(_asRead.Length);
                foreach (var (instruction, offset) in _asRead) _originalOffsets[instruction] = offset;
            }
            return _originalOffsets;
        }
    }

    public MethodDefinition Method { get; }
    public ModuleContext Module { get; }
    public IlEditor Editor { get; }
    public AddressProvenance Provenance { get; }

    BufferDerivation? _buffers;

    /// <summary>Which fixed buffer or [InlineArray] an address was derived from (made on first use, when the intra-object pass runs).</summary>
    public BufferDerivation Buffers => _buffers ??= new BufferDerivation(Method, Provenance);
    public bool Changed { get; set; }

    /// <summary>A pass gave up on this method (it could not resolve something it needed): later passes skip it.</summary>
    public bool Stopped { get; set; }

    /// <summary>Number of memory checks inserted (for statistics).</summary>
    public int Checks { get; set; }

    /// <summary>Set by passes whose inserted code needs this method's shadow-stack frame (e.g. stackalloc owners).</summary>
    public bool NeedsFrame { get; set; }

    /// <summary>
    /// Code other passes want run when an exception leaves the method (not yet in the body): the shadow call stack
    /// pass puts it in its fault handler, before the frame is popped, so its stacks still show this method.
    /// </summary>
    public List<Instruction> OnExceptionalExit { get; } = [];

    /// <summary>
    /// Loads and stores through a pointer that a <c>fixed</c> block made and that provably never outlives it (the pin
    /// pass finds them): the memory is pinned by that very block, so unpin poison there is another pin's, as for a
    /// GC-tracked reference.
    /// </summary>
    public HashSet<Instruction> AccessesInsideTheirPin { get; } = [];

    VariableDefinition? _frame;

    /// <summary>The local holding this method's shadow-stack frame pointer (set by the shadow call stack prologue).</summary>
    public VariableDefinition FrameLocal
    {
        get
        {
            if (_frame is null)
            {
                _frame = new VariableDefinition(new PointerType(Method.Module.TypeSystem.Int32));
                Method.Body.Variables.Add(_frame);
            }
            return _frame;
        }
    }

    /// <summary>
    /// Puts code at the very start of the method: it runs once per call, outside any try block and before any branch
    /// back to the first instruction (branch targets keep pointing at the old first instruction).
    /// </summary>
    public void InsertPrologue(IReadOnlyList<Instruction> code)
    {
        var first = Method.Body.Instructions[0];
        foreach (var instruction in code)
        {
            Editor.Processor.InsertBefore(first, instruction);
            Editor.Inserted.Add(instruction);
        }
        Changed = true;
    }

    /// <summary>An <c>ldc.i4</c> that will hold the IL offset of <paramref name="target"/> in the rewritten body.</summary>
    /// <param name="throughReference">
    /// The checked address is a GC-tracked reference (ldelema, a <c>ref</c> parameter), not a raw pointer: the runtime
    /// forgives unpin poison for it (see SharpSan.Runtime's Sites).
    /// </param>
    public Instruction SiteOf(Instruction target, bool throughReference = false)
    {
        var constant = Instruction.Create(OpCodes.Ldc_I4, Placeholder);
        _sites.Add((constant, target, throughReference ? ThroughReferenceFlag : 0));
        return constant;
    }

    /// <summary>Must match SharpSan.Runtime's Sites.ThroughReferenceFlag.</summary>
    public const int ThroughReferenceFlag = 1 << 30;

    /// <summary>Retargets a site whose instruction was moved by a later insertion.</summary>
    public void Retarget(Instruction from, Instruction to)
    {
        for (int k = 0; k < _sites.Count; k++)
            if (_sites[k].Target == from) _sites[k] = (_sites[k].Constant, to, _sites[k].Flags);
    }

    /// <summary>The method's MethodDef row id, patched after writing if the writer renumbered methods.</summary>
    public Instruction MethodRidConstant()
    {
        var constant = Instruction.Create(OpCodes.Ldc_I4, Placeholder);
        RidConstant = constant;
        return constant;
    }

    public Instruction? RidConstant { get; private set; }

    /// <summary>
    /// After <see cref="Finish"/>: each site's offset in the rewritten body and in the original one, ascending by the
    /// rewritten offset; a site whose offset did not change is left out (the runtime reads "absent" as "unchanged").
    /// </summary>
    public IReadOnlyList<(int Rewritten, int Original)> OriginalOffsets { get; private set; } = [];

    /// <summary>
    /// The offset in the original body of the instruction a site names. An original instruction knows it; anything
    /// else is SharpSan's (a copy that IlEditor moved behind inserted code, or inserted code itself) and belongs to the
    /// nearest original instruction before it: IlEditor keeps the original object in front of the code it inserts, so
    /// that is the instruction the check or call was made for. Code before the first original instruction (the
    /// prologue) is at 0.
    /// </summary>
    int OriginalOffsetOf(Instruction target)
    {
        for (var i = target; i is not null; i = i.Previous)
            if (OriginalOffsetsByInstruction.TryGetValue(i, out int offset)) return offset;
        return 0;
    }

    public VariableDefinition Temp(TypeReference type)
    {
        string key = type.FullName;
        if (!_temps.TryGetValue(key, out var v))
        {
            v = new VariableDefinition(type);
            Method.Body.Variables.Add(v);
            _temps[key] = v;
        }
        return v;
    }

    /// <summary>The body's sequence points as read from the PDB, by instruction (edits keep instruction identity).</summary>
    public IReadOnlyList<(Instruction Instruction, SequencePoint Point)> SequencePoints => _sequencePoints;

    /// <summary>
    /// Registers <paramref name="copy"/> as a second instance of <paramref name="original"/> (loop versioning): a site
    /// in the copy names the original's offset and line, and the copy keeps the original's sequence point and block start.
    /// </summary>
    public void NoteCopy(Instruction copy, Instruction original)
    {
        if (OriginalOffsetsByInstruction.TryGetValue(original, out int offset)) _originalOffsets![copy] = offset;
        foreach (var (instruction, point) in _sequencePoints.ToArray())
            if (instruction == original) _sequencePoints.Add((copy, point));
        Provenance.NoteCopy(copy, original);
    }

    /// <summary>Adds a sequence point for code the compiler left without one; written out with the PDB's own.</summary>
    public void AddSequencePoint(Instruction instruction, SequencePoint point) => _sequencePoints.Add((instruction, point));

    void RestoreSequencePoints()
    {
        if (_sequencePoints.Count == 0) return;
        var present = Method.Body.Instructions.ToHashSet();
        var points = Method.DebugInformation.SequencePoints;
        points.Clear();
        foreach (var (instruction, old) in _sequencePoints.Where(p => present.Contains(p.Instruction)).OrderBy(p => p.Instruction.Offset))
        {
            points.Add(new SequencePoint(instruction, old.Document)
            {
                StartLine = old.StartLine, StartColumn = old.StartColumn, EndLine = old.EndLine, EndColumn = old.EndColumn,
            });
        }
    }

    /// <summary>Re-optimises the body and writes the final offsets into the site constants.</summary>
    public void Finish()
    {
        Method.Body.OptimizeMacros();
        int offset = 0;
        foreach (var i in Method.Body.Instructions)
        {
            i.Offset = offset;
            offset += i.GetSize();
        }
        foreach (var (constant, target, flags) in _sites) constant.Operand = target.Offset | flags;
        OriginalOffsets = _sites.Select(s => (Rewritten: s.Target.Offset, Original: OriginalOffsetOf(s.Target)))
            .Where(p => p.Rewritten != p.Original).Distinct().OrderBy(p => p.Rewritten).ToList();
        RestoreSequencePoints();
        if (RidConstant is not null) RidConstant.Operand = (int)Method.MetadataToken.RID;
    }
}
