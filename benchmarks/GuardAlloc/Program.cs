// Allocation-only loop for guard mode's per-call cost: NativeMemory.Alloc/Free pairs of 16..127 bytes with a window
// of 64 live blocks, one byte written and read per block, nothing else. Under guard mode every call goes through the
// entry points, the sampling decision, the header checks, the free fill and the quarantine; the memory stays in the
// cache, so the time is the calls' own.
//
//   dotnet GuardAlloc.dll [pairs]     (default 20,000,000)

using System.Runtime.InteropServices;

namespace SharpSan.Benchmarks.GuardAlloc;

internal static unsafe class Program
{
    const int Window = 64;

    static int Main(string[] args)
    {
        long pairs = args.Length > 0 ? long.Parse(args[0]) : 20_000_000;
        nint* live = stackalloc nint[Window];
        for (int i = 0; i < Window; i++) live[i] = 0;
        ulong sum = 0;
        for (long i = 0; i < pairs; i++)
        {
            int slot = (int)(i & (Window - 1));
            if (live[slot] != 0) NativeMemory.Free((void*)live[slot]);
            byte* p = (byte*)NativeMemory.Alloc((nuint)(16 + (i * 37 & 111)));
            p[0] = (byte)i;
            sum += p[0];
            live[slot] = (nint)p;
        }
        for (int i = 0; i < Window; i++) NativeMemory.Free((void*)live[i]);
        Console.WriteLine($"guardalloc pairs={pairs} sum={sum}");
        return 0;
    }
}
