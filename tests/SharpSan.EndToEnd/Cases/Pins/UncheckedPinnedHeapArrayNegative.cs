// Arrays on the pinned object heap allocated by code SharpSan does not check (here: GC.AllocateArray and
// GC.AllocateUninitializedArray called through reflection, as a library would call them) never move: a pointer
// kept after a `fixed` over them ended, or after a pinned GCHandle was freed, is still valid, even across a
// compacting collection. No report.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static T[] AllocatePinned<T>(string method, int length) =>
        (T[])typeof(GC).GetMethod(method)!.MakeGenericMethod(typeof(T)).Invoke(null, new object[] { length, true })!;

    static byte* StartOf(byte[] array)
    {
        fixed (byte* p = array) return p;
    }

    static void Main()
    {
        var buffers = new byte[40][];
        for (int i = 0; i < buffers.Length; i++) buffers[i] = AllocatePinned<byte>("AllocateArray", 256 + i);
        var pointers = new byte*[buffers.Length];
        for (int i = 0; i < buffers.Length; i++) pointers[i] = StartOf(buffers[i]);
        var words = AllocatePinned<long>("AllocateUninitializedArray", 64);
        var handle = GCHandle.Alloc(words, GCHandleType.Pinned);
        long* w = (long*)handle.AddrOfPinnedObject();
        handle.Free();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long sum = 0;
        for (int i = 0; i < buffers.Length; i++) { pointers[i][i] = (byte)i; sum += pointers[i][i]; }
        w[63] = 5;
        Console.WriteLine($"sum {sum} {buffers[39][39]} {words[63]}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum 780 39 5
// CHECK-NOT: ERROR:
