// SharpSan keeps each method's original IL offsets inside the rewritten assembly (for reports) where the program
// cannot trip over them: a correct program that inspects its own assembly sees only its own manifest resources, can
// load every type and read every static field, and gets no report.
using System;
using System.Reflection;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static readonly int[] Table = { 1, 2, 3, 4 };

    static int Sum(int* p, int n)
    {
        int sum = 0;
        for (int i = 0; i < n; i++) sum += p[i];
        return sum;
    }

    static void Main()
    {
        var assembly = typeof(Program).Assembly;
        Console.WriteLine($"resources: {assembly.GetManifestResourceNames().Length}");
        int statics = 0;
        foreach (var type in assembly.GetTypes())
        {
            if (type.ContainsGenericParameters) continue;
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                _ = field.GetValue(null);
                statics++;
            }
        }
        Console.WriteLine(statics > 0 ? "statics read" : "no statics");
        int* p = (int*)NativeMemory.Alloc(16);
        for (int i = 0; i < 4; i++) p[i] = Table[i];
        Console.WriteLine($"sum={Sum(p, 4)}");
        NativeMemory.Free(p);
    }
}
// CHECK-NOT: ERROR:
// CHECK: resources: 0
// CHECK: statics read
// CHECK: sum=10
// CHECK-NOT: ERROR:
