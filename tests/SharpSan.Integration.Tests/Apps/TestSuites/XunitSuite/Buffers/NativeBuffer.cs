using System.Runtime.InteropServices;

namespace Buffers;

/// <summary>A native byte buffer with a checksum; <see cref="FillWithTerminator"/> has an off-by-one bug.</summary>
public sealed unsafe class NativeBuffer : IDisposable
{
    readonly byte* _data;

    public NativeBuffer(int length)
    {
        Length = length;
        _data = (byte*)NativeMemory.AllocZeroed((nuint)length);
    }

    public int Length { get; }

    public void Fill(byte value)
    {
        for (int i = 0; i < Length; i++) _data[i] = value;
    }

    public void FillWithTerminator(byte value)
    {
        Fill(value);
        _data[Length] = 0; // BUG-OVERFLOW: one past the end
    }

    public int Sum()
    {
        int sum = 0;
        for (int i = 0; i < Length; i++) sum += _data[i];
        return sum;
    }

    public void Dispose() => NativeMemory.Free(_data);
}
