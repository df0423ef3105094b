using SharpSan.Runtime.Address.Allocator;

namespace SharpSan.Runtime.Guard;

public enum GuardSlotState { Unused, Live, Freed }

/// <summary>One slot of the guarded pool and what is known of the block last placed in it (GWP-ASan's AllocationMetadata).</summary>
internal sealed class GuardSlot(nuint start, nuint length)
{
    /// <summary>The slot's pages, between two guard pages.</summary>
    public nuint Start { get; } = start;
    public nuint Length { get; } = length;
    public nuint End => Start + Length;

    public GuardSlotState State;
    public nuint User;
    public ulong Size;
    public AllocationFamily Family;
    public bool LeftAligned;
    public CapturedStack? AllocStack, FreeStack;
    public int AllocThread, FreeThread;

    public nuint UserEnd => User + (nuint)Size;

    /// <summary>The pages made accessible for the live block.</summary>
    public nuint PopulatedStart => User & ~(nuint)(UserFaults.PageSize - 1);
    public nuint PopulatedEnd => (UserEnd + (nuint)(UserFaults.PageSize - 1)) & ~(nuint)(UserFaults.PageSize - 1);
}
