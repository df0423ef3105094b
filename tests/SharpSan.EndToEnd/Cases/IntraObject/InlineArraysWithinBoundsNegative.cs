// [InlineArray]s walked to their last element through every unsafe shape C# code uses — Unsafe.Add from the first
// element, from _element0, through Unsafe.As and Unsafe.AsPointer, a pointer taken with `fixed`, a pointer cast
// from the struct's address — in native memory, on the stack, in a class object and in a static; element types
// of several sizes, including a struct: no report.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Demo;

[InlineArray(8)]
struct Ints8 { public int _element0; }

[InlineArray(3)]
struct Bytes3 { public byte _element0; }

struct Pair { public short A; public short B; }

[InlineArray(5)]
struct Pairs5 { public Pair _element0; }

struct Record
{
    public byte Tag;
    public Ints8 Ints;
    public Bytes3 Small;
    public Pairs5 Pairs;
    public long Tail;
}

sealed class Holder
{
    public Record Inner;
    public Ints8 Direct;
}

static unsafe class Program
{
    static Record s_record;

    static long Walk(ref Record r)
    {
        long sum = 0;
        for (int i = 0; i < 8; i++) Unsafe.Add(ref r.Ints[0], i) = i + 1;
        for (int i = 0; i < 8; i++) sum += Unsafe.Add(ref r.Ints._element0, i);
        for (int i = 0; i < 8; i++) sum += Unsafe.Add(ref Unsafe.As<Ints8, int>(ref r.Ints), i);
        for (int i = 0; i < 3; i++) Unsafe.Add(ref r.Small[0], i) = (byte)(10 + i);
        for (int i = 0; i < 3; i++) sum += ((byte*)Unsafe.AsPointer(ref r.Small[0]))[i];
        for (int i = 0; i < 5; i++) Unsafe.Add(ref r.Pairs[0], i).B = (short)(100 * i);
        for (int i = 0; i < 5; i++) sum += Unsafe.Add(ref r.Pairs[0], i).B;
        sum += Unsafe.Add(ref r.Ints[1], 6);   // an offset from a later element, still the last one
        return sum + r.Tag + r.Tail;
    }

    static long Pointers(Holder h)
    {
        long sum = 0;
        fixed (int* p = &h.Direct[0])
            for (int i = 0; i < 8; i++) p[i] = 2 * i;
        fixed (Ints8* whole = &h.Direct)
        {
            int* q = (int*)whole;
            for (int i = 0; i < 8; i++) sum += q[i];
        }
        return sum;
    }

    static void Main()
    {
        Record onStack = default;
        long a = Walk(ref onStack);
        var native = (Record*)NativeMemory.AllocZeroed((nuint)sizeof(Record));
        long b = Walk(ref *native);
        NativeMemory.Free(native);
        var holder = new Holder();
        long c = Walk(ref holder.Inner) + Pointers(holder);
        long d = Walk(ref s_record);
        Console.WriteLine($"sums {a} {b} {c} {d}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sums 1113 1113 1169 1113
// CHECK-NOT: ERROR:
