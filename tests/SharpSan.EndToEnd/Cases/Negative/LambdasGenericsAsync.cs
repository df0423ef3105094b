// Pointer work in lambdas, generic methods, local functions and async methods (across awaits, on pool threads).
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static unsafe class Native
{
    public static T Sum<T>(T* p, int n) where T : unmanaged, System.Numerics.INumber<T>
    {
        T s = T.Zero;
        for (int i = 0; i < n; i++) s += p[i];
        return s;
    }

    public static void Fill(IntPtr block, int n) { int* p = (int*)block; for (int i = 0; i < n; i++) p[i] = i; }

    public static int Total(IntPtr block, int n) => Sum((int*)block, n);
}

static class Program
{
    static async Task<int> WorkAsync(int n)
    {
        IntPtr block = Marshal.AllocHGlobal(n * sizeof(int));
        try
        {
            await Task.Yield();
            Native.Fill(block, n);
            await Task.Delay(1);
            return Native.Total(block, n);
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }

    static unsafe void Main()
    {
        Func<int, long> squares = n =>
        {
            long* p = (long*)NativeMemory.Alloc((nuint)(n * sizeof(long)));
            for (int i = 0; i < n; i++) p[i] = (long)i * i;
            long s = Native.Sum(p, n);
            NativeMemory.Free(p);
            return s;
        };
        double Halves(int n)
        {
            double* d = (double*)NativeMemory.Alloc((nuint)(n * sizeof(double)));
            for (int i = 0; i < n; i++) d[i] = 0.5;
            double s = Native.Sum(d, n);
            NativeMemory.Free(d);
            return s;
        }
        int[] results = Task.WhenAll(WorkAsync(10), WorkAsync(100), WorkAsync(1000)).GetAwaiter().GetResult();
        Console.WriteLine($"squares={squares(10)} halves={Halves(8)} async={results[0]},{results[1]},{results[2]}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: squares=285 halves=4 async=45,4950,499500
// CHECK-NOT: ERROR:
