using System.Diagnostics;

namespace SharpSan.Benchmarks.Kernels;

/// <summary>
/// The cost of a hot <c>fixed</c> block (pin, one load, unpin) on a managed array — what checked code pays for the
/// use-after-unpin bookkeeping. C has no pinning, so this kernel has no C twin; `benchmarks/pins.sh` runs it plain
/// and under SharpSan and prints nanoseconds per block.
/// </summary>
internal static unsafe partial class Program
{
    /// <summary>fixedblock: <paramref name="size"/> million fixed blocks over a few small arrays, in turn.</summary>
    private static ulong FixedBlocks(ulong size)
    {
        var arrays = new byte[4][];
        for (int i = 0; i < arrays.Length; i++)
        {
            arrays[i] = new byte[64 + 16 * i];
            for (int j = 0; j < arrays[i].Length; j++) arrays[i][j] = (byte)(RngNext() >> 56);
        }
        ulong blocks = size * 1_000_000, h = 0;
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        for (ulong n = 0; n < blocks; n++)
        {
            byte[] array = arrays[n & 3];
            fixed (byte* p = array) h = h * 31 + p[(int)(n % (ulong)array.Length)];
        }
        clock.Stop();
        cpu = Environment.CpuUsage.TotalTime - cpu;   // the machine may be shared: CPU time moves less than wall time
        Console.Error.WriteLine($"fixedblock ns_per_block={clock.Elapsed.TotalNanoseconds / blocks:F1} cpu_ns_per_block={cpu.TotalNanoseconds / blocks:F1}");
        return h;
    }
}
