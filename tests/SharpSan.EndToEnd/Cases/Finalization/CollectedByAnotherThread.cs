// OPTIMIZE: true
// Without gc_stress: another thread collects while Fill waits between reading the pointer and writing through it.
// The running method's stack is read from the shadow stack of the thread it runs on.
using System;
using System.Runtime.InteropServices;
using System.Threading;

unsafe sealed class Buf
{
    readonly IntPtr _p;
    readonly int _size;

    public Buf(int size)
    {
        _size = size;
        _p = Marshal.AllocHGlobal(size);
    }

    ~Buf() => Marshal.FreeHGlobal(_p);

    public int Fill(ManualResetEventSlim reached, ManualResetEventSlim collected)
    {
        byte* q = (byte*)_p;
        int n = _size;
        reached.Set();
        collected.Wait();
        for (int i = 0; i < n; i++)
            q[i] = 1;
        return n;
    }
}

static class Program
{
    static void Main()
    {
        var reached = new ManualResetEventSlim();
        var collected = new ManualResetEventSlim();
        var collector = new Thread(() =>
        {
            reached.Wait();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            collected.Set();
        });
        collector.Start();
        Console.WriteLine("start");
        Console.WriteLine(new Buf(16).Fill(reached, collected));
    }
}
// ENV: DOTNET_TieredCompilation=0
// CHECK: start
// CHECK: ERROR: AddressSanitizer: premature-finalization on address 0x{{[0-9a-f]+}} (the finalizer of Buf freed native memory while Buf.Fill(System.Threading.ManualResetEventSlim, System.Threading.ManualResetEventSlim) is still running on the same object)
// CHECK-NEXT: FREE of 0x{{[0-9a-f]+}} by thread T{{[0-9]+}} (finalizer):
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Buf.Finalize() {{.*}}CollectedByAnotherThread.cs:[[@LINE-37]]
// CHECK: is still running in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Buf.Fill({{.*}}) {{.*}}CollectedByAnotherThread.cs:[[@LINE-32]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}CollectedByAnotherThread.cs:[[@LINE-11]]
// CHECK: allocated by thread T0 here:
// CHECK: SUMMARY: AddressSanitizer: premature-finalization {{.*}}CollectedByAnotherThread.cs:[[@LINE-35]] in Buf.Fill(
