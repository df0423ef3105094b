using System.Runtime.InteropServices;

namespace Frames;

/// <summary>A frame held in native memory; <see cref="Framing.Complete"/> reads it after releasing it.</summary>
public sealed unsafe class Frame : IDisposable
{
    readonly byte* _data;

    public Frame(int length)
    {
        Length = length;
        _data = (byte*)NativeMemory.AllocZeroed((nuint)length);
    }

    public int Length { get; }

    public void Write(int index, byte value) => _data[index] = value;

    public int Checksum()
    {
        int sum = 0;
        for (int i = 0; i < Length; i++) sum += _data[i]; // BUG-USE-AFTER-FREE: read here after Complete released the frame
        return sum;
    }

    public void Dispose() => NativeMemory.Free(_data); // FREE
}

public static class Framing
{
    /// <summary>Releases a frame and returns its checksum; computes the checksum too late.</summary>
    public static int Complete(Frame frame)
    {
        frame.Dispose();
        return frame.Checksum();
    }
}
