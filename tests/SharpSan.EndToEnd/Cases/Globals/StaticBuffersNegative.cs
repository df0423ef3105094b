// Fixed buffers and [InlineArray]s held in static fields — directly, nested in a struct, with padding between
// fields — walked to their last element in place, through Unsafe.Add and through a pointer kept in a local; a
// helper fills them through pointers derived by its callers: no report.
using System;
using System.Runtime.CompilerServices;

namespace Demo;

[InlineArray(5)]
struct Words { ushort _element0; }

unsafe struct Inner
{
    public byte Kind;
    public fixed long Slots[3];
}

struct Outer
{
    public short Id;
    public Inner Inner;
    public Words Words;
    public byte Last;
}

static unsafe class Program
{
    static Outer s_outer;
    static Words s_words;

    static int Fill(byte* p, int n)
    {
        for (int i = 0; i < n; i++) p[i] = (byte)i;
        return p[n - 1];
    }

    static long Walk()
    {
        long sum = 0;
        for (int i = 0; i < 3; i++) s_outer.Inner.Slots[i] = i + 1;
        for (int i = 0; i < 3; i++) sum += s_outer.Inner.Slots[i];
        for (int i = 0; i < 5; i++) Unsafe.Add(ref s_outer.Words[0], i) = (ushort)(10 * i);
        for (int i = 0; i < 5; i++) sum += Unsafe.Add(ref s_words[0], i) + s_outer.Words[i];
        fixed (long* slots = s_outer.Inner.Slots)
        {
            long* p = slots;
            for (int i = 0; i < 3; i++) sum += p[i];
            sum += Fill((byte*)slots, 24);
        }
        fixed (Words* words = &s_words) sum += Fill((byte*)words, 10);
        return sum + s_outer.Last + s_outer.Id;
    }

    static void Main()
    {
        Console.WriteLine($"sum {Walk()} {Walk()}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum {{[0-9]+}} {{[0-9]+}}
// CHECK-NOT: ERROR:
