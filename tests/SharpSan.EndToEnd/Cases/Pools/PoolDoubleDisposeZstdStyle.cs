// oleg-st/ZstdSharp #8: a decompression stream returns its pooled buffer in Dispose, and Dispose runs twice
// (once by a using block, once by the owner), so the buffer goes back to the pool twice.
using System;
using System.Buffers;
using System.IO;

sealed class DecompressionStream : Stream
{
    readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 17);

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(count, 8);
        for (int i = 0; i < n; i++) buffer[offset + i] = _buffer[i];
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        // Bug: no "disposed" flag.
        ArrayPool<byte>.Shared.Return(_buffer);
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => 0; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

static class Program
{
    static void Main()
    {
        var stream = new DecompressionStream();
        using (stream)
        {
            var data = new byte[8];
            Console.WriteLine($"read {stream.Read(data, 0, 8)}");
        }
        stream.Dispose();
        Console.WriteLine("unreachable");
    }
}
// CHECK: read 8
// CHECK: ERROR: AddressSanitizer: attempting pool-double-return of pooled array {{0x[0-9a-f]+}} (byte[131072], 131072 requested) in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in DecompressionStream.Dispose(bool) {{.*}}PoolDoubleDisposeZstdStyle.cs:[[@LINE-32]]
// CHECK: returned to the pool by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in DecompressionStream.Dispose(bool) {{.*}}PoolDoubleDisposeZstdStyle.cs:[[@LINE-35]]
// CHECK: previously rented by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in DecompressionStream..ctor() {{.*}}PoolDoubleDisposeZstdStyle.cs:[[@LINE-50]]
// CHECK: SUMMARY: AddressSanitizer: pool-double-return {{.*}}PoolDoubleDisposeZstdStyle.cs:[[@LINE-39]] in DecompressionStream.Dispose(bool)
// CHECK-NOT: unreachable
