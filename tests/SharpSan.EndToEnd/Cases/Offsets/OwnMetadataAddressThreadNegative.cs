// As OwnMetadataNegative, instrumented for both checkers (each adds its own sites, so its own offset table), with
// the statics read from two threads under a lock: no report of either kind.
using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static readonly object Gate = new();
    static int s_statics;

    static void ReadOwnStatics()
    {
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            if (type.ContainsGenericParameters) continue;
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                _ = field.GetValue(null);
                lock (Gate) s_statics++;
            }
        }
    }

    static void Main()
    {
        Console.WriteLine($"resources: {typeof(Program).Assembly.GetManifestResourceNames().Length}");
        var worker = new Thread(ReadOwnStatics);
        worker.Start();
        ReadOwnStatics();
        worker.Join();
        byte* p = (byte*)NativeMemory.Alloc(8);
        for (int i = 0; i < 8; i++) p[i] = (byte)i;
        Console.WriteLine(s_statics > 0 && p[7] == 7 ? "statics read" : "no statics");
        NativeMemory.Free(p);
    }
}
// SANITIZE: address,thread
// CHECK-NOT: ERROR:
// CHECK-NOT: ThreadSanitizer
// CHECK: resources: 0
// CHECK: statics read
// CHECK-NOT: ERROR:
// CHECK-NOT: ThreadSanitizer
