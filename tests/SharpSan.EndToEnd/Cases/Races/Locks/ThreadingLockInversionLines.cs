// Two System.Threading.Lock objects taken in opposite orders (`lock (l)` on a Lock compiles to EnterScope/Dispose):
// the report names the `lock` lines, as it does for Monitor.
using System;
using System.Threading;

static class Program
{
    static readonly Lock A = new(), B = new();
    static int n;

    static void Main()
    {
        Console.WriteLine("start");
        lock (A)
        {
            n++;
            lock (B) n++;
        }
        var worker = new Thread(() =>
        {
            n++;
            lock (B)
            {
                n++;
                lock (A) n++;
            }
        });
        worker.Start();
        worker.Join();
        Console.WriteLine("done " + n);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock) (pid={{[0-9]+}})
// CHECK: Mutex M1 acquired here while holding mutex M0 in main thread:
// CHECK-NEXT: #0 {{.*}} in Program.Main() {{.*}}ThreadingLockInversionLines.cs:[[@LINE-19]]
// CHECK: Mutex M0 previously acquired by the same thread here:
// CHECK-NEXT: #0 {{.*}} in Program.Main() {{.*}}ThreadingLockInversionLines.cs:[[@LINE-24]]
// CHECK: Mutex M0 acquired here while holding mutex M1 in thread T1:
// CHECK-NEXT: #0 {{.*}}ThreadingLockInversionLines.cs:[[@LINE-15]]
// CHECK: Mutex M1 previously acquired by the same thread here:
// CHECK-NEXT: #0 {{.*}}ThreadingLockInversionLines.cs:[[@LINE-20]]
// CHECK: SUMMARY: ThreadSanitizer: lock-order-inversion (potential deadlock) {{.*}}ThreadingLockInversionLines.cs:[[@LINE-26]] in Program.Main()
// CHECK: done 5
