using System.Runtime.InteropServices;

namespace Messages;

/// <summary>A message body in native memory: copying trusts the source's length, disposing twice frees twice.</summary>
public sealed unsafe class Message(int length) : IDisposable
{
    byte* _data = (byte*)NativeMemory.AllocZeroed((nuint)length); // ALLOCATION

    public int Length { get; } = length;

    public void CopyFrom(ReadOnlySpan<byte> source)
    {
        for (int i = 0; i < source.Length; i++) _data[i] = source[i]; // BUG-OVERFLOW: no check against Length
    }

    public byte this[int index] => _data[index];

    /// <summary>Hands the body over to the caller, who frees it with NativeMemory.Free.</summary>
    public byte* Detach()
    {
        byte* data = _data;
        _data = null;
        return data;
    }

    public void Dispose() => NativeMemory.Free(_data); // BUG-DOUBLE-FREE: no guard against a second Dispose
}
