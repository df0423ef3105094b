using System.Runtime.InteropServices;

namespace Ledger;

/// <summary>A native buffer of a fixed capacity.</summary>
public sealed unsafe class Record : IDisposable
{
    readonly byte* _data;

    public Record(int capacity)
    {
        Capacity = capacity;
        _data = (byte*)NativeMemory.AllocZeroed((nuint)capacity);
    }

    public int Capacity { get; }

    /// <summary>Writes 1, 2, … into the first <paramref name="count"/> bytes; nothing stops a count past the capacity.</summary>
    public void Fill(int count)
    {
        for (int i = 0; i < count; i++)
            _data[i] = (byte)(i + 1); // BUG-OVERFLOW when count > Capacity
    }

    public int Sum()
    {
        int sum = 0;
        for (int i = 0; i < Capacity; i++) sum += _data[i];
        return sum;
    }

    public void Dispose() => NativeMemory.Free(_data);
}
