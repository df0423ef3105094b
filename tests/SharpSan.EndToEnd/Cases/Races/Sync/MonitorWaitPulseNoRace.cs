// Monitor.Wait/Pulse/PulseAll hand-off and Monitor.TryEnter: the producer fills the slot under the lock and pulses,
// the consumer waits under the lock and reads it. No report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Slot { public int value; public bool full; }

static class Program
{
    static void Main()
    {
        var slot = new Slot();
        var barrier = new RaceTestBarrier(2);
        var producer = new Thread(() =>
        {
            barrier.Wait();
            for (int i = 1; i <= 5; i++)
            {
                lock (slot)
                {
                    while (slot.full) Monitor.Wait(slot);
                    slot.value = i;
                    slot.full = true;
                    if (i % 2 == 0) Monitor.Pulse(slot); else Monitor.PulseAll(slot);
                }
            }
        });
        producer.Start();
        barrier.Wait();
        int sum = 0;
        for (int i = 1; i <= 5; i++)
        {
            lock (slot)
            {
                while (!slot.full) Monitor.Wait(slot, 5000);
                sum += slot.value;
                slot.full = false;
                Monitor.PulseAll(slot);
            }
        }
        producer.Join();
        if (Monitor.TryEnter(slot, 1000))
        {
            try { sum += slot.value; }
            finally { Monitor.Exit(slot); }
        }
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 20
// CHECK-NOT: ThreadSanitizer
