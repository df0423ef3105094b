using System.Runtime.InteropServices;

namespace Frames;

/// <summary>Pads trailers on worker threads that outlive the call that started them; the padding loop overruns.</summary>
public static unsafe class Background
{
    static readonly List<Thread> s_workers = [];

    public static void StartPadding(int length)
    {
        var worker = new Thread(() =>
        {
            Thread.Sleep(100);   // long after the caller returned
            Pad(length);
        });
        lock (s_workers) s_workers.Add(worker);
        worker.Start();
    }

    public static void WaitForWorkers()
    {
        lock (s_workers) s_workers.ForEach(w => w.Join());
    }

    static void Pad(int length)
    {
        byte* trailer = (byte*)NativeMemory.Alloc((nuint)length);
        for (int i = 0; i <= length; i++) trailer[i] = 0; // BUG-BACKGROUND-OVERFLOW: <= writes one past the end
        NativeMemory.Free(trailer);
    }
}
