// A write under an upgradeable read lock that forgot to upgrade: plain readers run alongside an upgradeable reader,
// so the reader's read and the write race.
using System;
using System.Threading;
using SharpSan.Annotations;

class Settings
{
    public readonly ReaderWriterLockSlim Lock = new();
    public int version;
}

static class Program
{
    static void Main()
    {
        var settings = new Settings();
        var barrier = new RaceTestBarrier(2);
        int seen = 0;
        var reader = new Thread(() =>
        {
            settings.Lock.EnterReadLock();
            seen = settings.version;
            settings.Lock.ExitReadLock();
            barrier.Wait();
        });
        reader.Start();
        barrier.Wait();
        settings.Lock.EnterUpgradeableReadLock();
        if (settings.version == 0) settings.version = 1;
        settings.Lock.ExitUpgradeableReadLock();
        reader.Join();
        Console.WriteLine("version " + settings.version + " seen " + seen);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RwlsWriteUnderUpgradeableRace.cs:[[@LINE-9]]
// CHECK: Previous read of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}RwlsWriteUnderUpgradeableRace.cs:[[@LINE-18]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}RwlsWriteUnderUpgradeableRace.cs:[[@LINE-12]] in Program.Main()
// CHECK: version 1 seen 0
