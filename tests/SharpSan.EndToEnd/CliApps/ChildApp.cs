// Started by ParentApp as a child process: `ChildApp <mode>`; overflow, race, clean, sleep.
using System;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static int s_shared;

    static int Main(string[] args)
    {
        Console.WriteLine($"child {Environment.ProcessId} running {args[0]}");
        switch (args[0])
        {
            case "overflow":
                byte* p = (byte*)NativeMemory.Alloc(10);
                p[10] = 1;
                NativeMemory.Free(p);
                Console.WriteLine("child overflowed unchecked");
                return 0;
            case "race":
                var t = new Thread(() => s_shared = 1);
                t.Start();
                s_shared = 2;
                t.Join();
                Console.WriteLine("child raced");
                return 0;
            case "sleep":
                Thread.Sleep(60_000);
                return 0;
            default:
                byte* q = (byte*)NativeMemory.Alloc(10);
                for (int i = 0; i < 10; i++) q[i] = (byte)i;
                NativeMemory.Free(q);
                Console.WriteLine("child clean");
                return 5;
        }
    }
}
