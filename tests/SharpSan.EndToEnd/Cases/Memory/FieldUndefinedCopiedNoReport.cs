using System;
using System.Runtime.InteropServices;
using System.Threading;

// The negative twin of FieldUndefinedBranchLater: undefined values copied between fields and statics and never used,
// a field overwritten with a defined value before the branch, and a field whose address is taken (Interlocked: what
// is written through the address is not seen, so the field is taken as defined) — none is a report.
unsafe class Counter
{
    int _value;
    int _copy;
    int _hits;
    static long s_last;

    public void Take(int* raw)
    {
        _value = raw[3];
        _copy = _value;
        s_last = _copy;
        _hits = raw[2];
    }

    public void Reset() => _value = 7;

    public void Count() => Interlocked.Exchange(ref _hits, 5);

    public int Value => _value;

    public void Report()
    {
        if (_value == 7) Console.WriteLine("reset");
        if (_hits == 5) Console.WriteLine("counted");
    }
}

unsafe class Program
{
    static void Main()
    {
        int* raw = (int*)NativeMemory.Alloc(16);
        var counter = new Counter();
        counter.Take(raw);
        counter.Reset();
        counter.Count();
        counter.Report();
        if (counter.Value == 7) Console.WriteLine("read back");
        NativeMemory.Free(raw);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: reset
// CHECK: counted
// CHECK: read back
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
