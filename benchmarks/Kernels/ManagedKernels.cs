using System.Buffers;

namespace SharpSan.Benchmarks.Kernels;

/// <summary>
/// Managed arrays and pooled arrays, to measure what the pool checks cost where no pool is involved (every
/// unmanaged array element access carries a shadow check) and where Rent/Return are hot (stack capture,
/// quarantine, poisoning). Their C twins are matmul over malloc'd arrays and a free-list buffer pool.
/// </summary>
internal static unsafe partial class Program
{
    /// <summary>arraymatmul: <c>matmul</c> over managed double[n*n] arrays (same algorithm and checksum; its C twin is matmul).</summary>
    private static ulong ArrayMatMul(ulong size)
    {
        int n = (int)size;
        var a = new double[n * n];
        var b = new double[n * n];
        var c = new double[n * n];
        RngSeed(3);
        for (int i = 0; i < n * n; i++) a[i] = (RngNext() >> 11) * (1.0 / 9007199254740992.0) - 0.5;
        for (int i = 0; i < n * n; i++) b[i] = (RngNext() >> 11) * (1.0 / 9007199254740992.0) - 0.5;
        ulong h = 0;
        for (int rep = 0; rep < 6; rep++)
        {
            Array.Clear(c);
            for (int i = 0; i < n; i++)
                for (int k = 0; k < n; k++)
                {
                    double aik = a[i * n + k];
                    for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
                }
            double s = 0.0;
            for (int i = 0; i < n * n; i++) s += c[i];
            h = h * 31 + BitConverter.DoubleToUInt64Bits(s);
            a[rep % (n * n)] += 1.0;
        }
        return h;
    }

    /// <summary>poolbuf: thousands of Rent(16..4096 bytes) / fill / checksum / Return cycles on ArrayPool&lt;byte&gt;.Shared.</summary>
    private static ulong PoolBuffers(ulong size)
    {
        RngSeed(5);
        ulong h = 0;
        var pool = ArrayPool<byte>.Shared;
        for (ulong op = 0; op < size * 1000; op++)
        {
            int n = 16 + (int)(RngNext() % 4081);
            byte[] buffer = pool.Rent(n);
            byte seed = (byte)op;
            for (int i = 0; i < n; i++) buffer[i] = (byte)(seed + i);
            uint a = 1, b = 0;
            for (int i = 0; i < n; i++) { a += buffer[i]; b += a; }
            h = h * 31 + (a ^ (b << 7));
            pool.Return(buffer);
        }
        return h;
    }
}
