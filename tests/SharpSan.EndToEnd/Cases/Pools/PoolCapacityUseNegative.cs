// The ArrayPool contract gives "at least" the requested length, and using all of it after asking for Length
// is correct: Stream.Read into buffer.Length, a growable writer that fills up to its capacity, foreach.
using System;
using System.Buffers;
using System.IO;

sealed class GrowableWriter
{
    byte[] _buffer = ArrayPool<byte>.Shared.Rent(10);
    int _count;

    public void Write(byte value)
    {
        if (_count == _buffer.Length)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            for (int i = 0; i < _count; i++) bigger[i] = _buffer[i];
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        _buffer[_count++] = value;
    }

    public int Sum() { int s = 0; for (int i = 0; i < _count; i++) s += _buffer[i]; return s; }
}

static class Program
{
    static void Main()
    {
        var source = new MemoryStream(new byte[1000]);
        byte[] chunk = ArrayPool<byte>.Shared.Rent(100);
        int total = 0, read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
            for (int i = 0; i < read; i++) total += chunk[i] + 1;
        ArrayPool<byte>.Shared.Return(chunk);

        var writer = new GrowableWriter();
        for (int i = 0; i < 300; i++) writer.Write(1);

        int[] counts = ArrayPool<int>.Shared.Rent(5);
        Array.Clear(counts);
        foreach (int c in counts) total += c;
        ArrayPool<int>.Shared.Return(counts);
        Console.WriteLine($"total={total} sum={writer.Sum()}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=1000 sum=300
// CHECK-NOT: ERROR:
