using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Races;

namespace SharpSan.EndToEnd;

/// <summary>
/// Which race checks the rewriter drops as redundant (RedundantChecks), on this assembly's own compiled methods: only
/// repeated accesses to the same location in one call-free basic block, never across a call, a branch target, or a
/// change of the receiver or index.
/// </summary>
public sealed class RedundantChecksTests
{
#pragma warning disable CS0649
    sealed class Box
    {
        public int A;
        public int B;
        public int[] Items = new int[4];
    }
#pragma warning restore CS0649

    static readonly ModuleDefinition s_module = ModuleDefinition.ReadModule(typeof(RedundantChecksTests).Assembly.Location);

    /// <summary>The method's field and element accesses in order, each as "ldfld A" or "ldfld A (dropped)".</summary>
    static string[] Accesses(string method)
    {
        var definition = s_module.GetType(typeof(RedundantChecksTests).FullName).Methods.Single(m => m.Name == method);
        var redundant = RedundantChecks.Find(definition, ModuleTypes.BlockStarts(definition.Body));
        return definition.Body.Instructions
            .Where(i => i.OpCode.Code is Code.Ldfld or Code.Stfld or Code.Ldelem_I4 or Code.Stelem_I4)
            .Select(i => $"{i.OpCode.Name}{(i.Operand is FieldReference f ? " " + f.Name : "")}{(redundant.Contains(i) ? " (dropped)" : "")}")
            .ToArray();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Touch() { }

    static void IncrementTwice(Box box)
    {
        box.A++;
        box.A++;
    }

    [Fact]
    public void ReadBeforeWrite_AndRepeats_KeepOnlyTheFirstWrite() =>
        Assert.Equal(["ldfld A (dropped)", "stfld A", "ldfld A (dropped)", "stfld A (dropped)"], Accesses(nameof(IncrementTwice)));

    static void WritesAroundACall(Box box)
    {
        box.A = 1;
        Touch();
        box.A = 2;
    }

    [Fact]
    public void ACallBetween_KeepsBothChecks() =>
        Assert.Equal(["stfld A", "stfld A"], Accesses(nameof(WritesAroundACall)));

    static void TwoObjects(Box first, Box second)
    {
        first.A = 1;
        second.A = 2;
        first.B = first.A;
    }

    [Fact]
    public void OtherReceiversAndFields_AreOtherLocations() =>
        Assert.Equal(["stfld A", "stfld A", "ldfld A (dropped)", "stfld B"], Accesses(nameof(TwoObjects)));

    static void ReassignedLocal(Box first, Box second)
    {
        var box = first;
        box.A = 1;
        box = second;
        box.A = 2;
    }

    [Fact]
    public void AReassignedReceiver_IsANewLocation() =>
        Assert.Equal(["stfld A", "stfld A"], Accesses(nameof(ReassignedLocal)));

    static void ElementUpdate(Box box, int i, int j)
    {
        box.Items[i] = box.Items[i] + 1;
        box.Items[j] = 0;
    }

    [Fact]
    public void SameElement_IsCheckedOnceAsAWrite_AnotherIndexAgain()
    {
        // Items is read three times (checked once); Items[i] read then written (the write covers it); Items[j] differs.
        Assert.Equal(["ldfld Items", "ldfld Items (dropped)", "ldelem.i4 (dropped)", "stelem.i4", "ldfld Items (dropped)", "stelem.i4"],
            Accesses(nameof(ElementUpdate)));
    }

    static void AcrossABranch(Box box, bool flag)
    {
        box.A = 1;
        if (flag) box.B = 2;
        box.A = 3;
    }

    [Fact]
    public void ABranchTarget_StartsAfresh() =>
        Assert.Equal(["stfld A", "stfld B", "stfld A"], Accesses(nameof(AcrossABranch)));
}
