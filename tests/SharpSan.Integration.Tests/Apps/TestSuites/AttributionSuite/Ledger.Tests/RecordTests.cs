using Ledger;

namespace Ledger.Tests;

/// <summary>Tests every record size must pass; the runner runs them once per derived class, under its name.</summary>
public abstract class RecordContract
{
    protected abstract int Capacity { get; }

    [Fact]
    public void Fill_ToCapacity()
    {
        using var record = new Record(Capacity);
        record.Fill(Capacity);
        Assert.Equal(Capacity * (Capacity + 1) / 2, record.Sum());
    }

    [Fact]
    public void Fill_OnePastCapacity()
    {
        using var record = new Record(Capacity);
        record.Fill(Capacity + 1);
    }
}

public sealed class SmallRecordTests : RecordContract
{
    protected override int Capacity => 16;
}

public sealed class TinyRecordTests : RecordContract
{
    protected override int Capacity => 8;
}
