// A Dictionary used through IDictionary<K,V>: a worker adds while main looks a key up, both calls through the
// interface. Checked like direct calls on the Dictionary behind it.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static void Main()
    {
        IDictionary<string, int> map = new Dictionary<string, int>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            map.Add("a", 1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        map.TryGetValue("a", out int value);
        worker.Join();
        Console.WriteLine("done " + value);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x0000 in Call to Dictionary<string,int>.TryGetValue (read)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}IDictionaryInterfaceRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x0000 in Call to Dictionary<string,int>.Add (write)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}IDictionaryInterfaceRace.cs:[[@LINE-17]]
// CHECK: Location is Dictionary<string,int> object.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}IDictionaryInterfaceRace.cs:[[@LINE-14]] in Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 1
