using System.Runtime.InteropServices;

namespace Pipeline;

/// <summary>A native frame buffer; <see cref="Seal"/> writes its trailer one byte past the end.</summary>
public sealed unsafe class Frame : IDisposable
{
    readonly byte* _data;

    public Frame(int length)
    {
        Length = length;
        _data = (byte*)NativeMemory.AllocZeroed((nuint)length);
    }

    public int Length { get; }

    public void Fill(byte value)
    {
        for (int i = 0; i < Length; i++) _data[i] = value;
    }

    public void Seal(byte trailer) => _data[Length] = trailer; // BUG-OVERFLOW: the trailer has no room

    public int Checksum()
    {
        int sum = 0;
        for (int i = 0; i < Length; i++) sum += _data[i];
        return sum;
    }

    public void Dispose() => NativeMemory.Free(_data);
}
