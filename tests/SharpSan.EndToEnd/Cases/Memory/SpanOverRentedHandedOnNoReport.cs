using System;
using System.Buffers;
using System.Text;

// The negative twin of SpanOverRentedStaleElement: a span over a rented array written through its indexer and read
// back, a span handed to a BCL member that writes it (Encoding.GetBytes: the array escapes right there, so what the
// member wrote counts as defined), and a span copied to a second local that writes through it — none is a report.
class Program
{
    static int Written(byte[] buffer)
    {
        Span<byte> span = buffer;
        for (int i = 0; i < 8; i++) span[i] = (byte)(i + 1);
        int sum = 0;
        for (int i = 0; i < 8; i++)
            if (span[i] > 2) sum += span[i];
        return sum;
    }

    static int Encoded(byte[] buffer)
    {
        var span = buffer.AsSpan();
        int n = Encoding.ASCII.GetBytes("ping", span);
        return span[0] == (byte)'p' ? n : -1;
    }

    static void Fill(Span<byte> target) => target.Fill(3);

    static int Copied(byte[] buffer)
    {
        var span = new Span<byte>(buffer);
        var other = span;
        Fill(other);
        return span[5] == 3 ? 1 : 0;
    }

    static void Main()
    {
        Console.WriteLine($"written {Written(ArrayPool<byte>.Shared.Rent(16))}");
        Console.WriteLine($"encoded {Encoded(ArrayPool<byte>.Shared.Rent(16))}");
        Console.WriteLine($"copied {Copied(ArrayPool<byte>.Shared.Rent(16))}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: written 33
// CHECK: encoded 4
// CHECK: copied 1
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
