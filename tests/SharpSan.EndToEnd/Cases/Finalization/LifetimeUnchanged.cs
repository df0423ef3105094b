// OPTIMIZE: true
// Instrumentation must not change when an object becomes collectable. In the original program (optimized code) Run's
// object is finalized inside Run, right after Run's last use of 'this': the instrumented program (checked pointer
// accesses, calls, the shadow stack, the premature-finalization bookkeeping) must observe the same.
using System;

unsafe sealed class Probe
{
    public static volatile bool Finalized;
    readonly int _count;

    public Probe(int count) => _count = count;

    ~Probe() => Finalized = true;

    static int Sum(int* values, int count)
    {
        int sum = 0;
        for (int i = 0; i < count; i++) sum += values[i];
        return sum;
    }

    public string Run()
    {
        int n = _count;
        int* values = stackalloc int[16];
        for (int i = 0; i < n; i++) values[i] = i;
        int sum = Sum(values, n);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return $"sum {sum}, finalized while running: {Finalized}";
    }
}

static class Program
{
    static void Main() => Console.WriteLine(new Probe(16).Run());
}
// ENV: DOTNET_TieredCompilation=0
// CHECK-NOT: ERROR:
// CHECK: sum 120, finalized while running: True
// CHECK-NOT: ERROR:
