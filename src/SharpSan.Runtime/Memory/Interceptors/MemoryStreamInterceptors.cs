using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Memory.Interceptors;

/// <summary>
/// Where bytes leave or enter checked code through a <see cref="Stream"/> (the declarative table of issue 13, for
/// spans): <c>Write</c> consumes its bytes (each must be defined), <c>Read</c> produces the bytes it returns (defined).
/// Spans over managed memory have no shadow and pass unchecked.
/// </summary>
public static unsafe class MemoryStreamInterceptors
{
    static readonly int s_write = SyntheticFrames.Register("System.IO.Stream.Write(ReadOnlySpan<byte>)");

    const string CheckSite = "MemorySanitizer.StreamWrite";

    [Intercepts("System.IO.Stream", "Write", Instance = true, Sanitizer = "memory")]
    public static void Write(Stream stream, ReadOnlySpan<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            try
            {
                Common.InternalErrors.Inject(CheckSite);
                MemorySanitizer.CheckConsumed(p, (nuint)buffer.Length, s_write);
            }
            catch (Exception e) when (Common.InternalErrors.Contain(CheckSite, e))
            {
            }
        }
        stream.Write(buffer);
    }

    [Intercepts("System.IO.Stream", "Read", Instance = true, Sanitizer = "memory")]
    public static int Read(Stream stream, Span<byte> buffer)
    {
        int n = stream.Read(buffer);
        fixed (byte* p = buffer) MemoryBookkeeping.Defined(p, (nuint)Math.Clamp(n, 0, buffer.Length));
        return n;
    }

    static readonly int s_writeArray = SyntheticFrames.Register("System.IO.Stream.Write(byte[], int, int)");

    [Intercepts("System.IO.Stream", "Write", Instance = true, Sanitizer = "memory")]
    public static void Write(Stream stream, byte[] buffer, int offset, int count)
    {
        try
        {
            Common.InternalErrors.Inject(CheckSite);
            long at = RentedArrays.FirstUndefined(buffer, offset, count, out int origin);
            if (at >= 0) MemorySanitizer.ReportConsumed(origin, s_writeArray, at, (nuint)Math.Max(count, 0));
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CheckSite, e))
        {
        }
        stream.Write(buffer, offset, count);
    }

    [Intercepts("System.IO.Stream", "Read", Instance = true, Sanitizer = "memory")]
    public static int Read(Stream stream, byte[] buffer, int offset, int count)
    {
        int n = stream.Read(buffer, offset, count);
        RentedArrays.Define(buffer, offset, n);
        return n;
    }
}
