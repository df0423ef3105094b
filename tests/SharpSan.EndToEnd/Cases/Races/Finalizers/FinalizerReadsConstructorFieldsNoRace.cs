// A finalizer reads what the constructor (on the main thread) and a worker (before the object was dropped) wrote: the
// finalizer thread starts after a collection found the object unreachable, which every earlier access precedes — no
// report (a finalizer used to race with its own object's constructor, found in SixLabors.ImageSharp's Gen2GcCallback).
using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Demo;

sealed class Resource
{
    public static int s_released;
    readonly long _handle;
    public int Uses;

    public Resource(long handle) => _handle = handle;

    ~Resource()
    {
        if (_handle != 0 && Uses == 2) Interlocked.Increment(ref s_released);
    }
}

static class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void UseAndDrop()
    {
        var resource = new Resource(42);
        resource.Uses++;
        var worker = new Thread(() => resource.Uses++);
        worker.Start();
        worker.Join();
    }

    static void Main()
    {
        for (int i = 0; i < 3; i++) UseAndDrop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Console.WriteLine("released " + Volatile.Read(ref Resource.s_released));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: released 3
// CHECK-NOT: ThreadSanitizer
