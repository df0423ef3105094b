// Fixed buffers of several element types walked to their last element, in structs on the stack, in native
// memory and inside class objects: no report.
using System;
using System.Runtime.InteropServices;

unsafe struct Record
{
    public short Kind;
    public fixed char Code[6];
    public fixed double Values[3];
    public fixed byte Tail[5];
}

sealed class Holder
{
    public Record Inner;
}

static unsafe class Program
{
    static double Fill(Record* r)
    {
        for (int i = 0; i < 6; i++) r->Code[i] = (char)('A' + i);
        for (int i = 0; i < 3; i++) r->Values[i] = i * 1.5;
        for (int i = 0; i < 5; i++) r->Tail[i] = (byte)i;
        double s = 0;
        for (int i = 0; i < 3; i++) s += r->Values[i];
        for (int i = 0; i < 5; i++) s += r->Tail[i];
        return s + r->Code[5];
    }

    static void Main()
    {
        Record onStack = default;
        double a = Fill(&onStack);
        var native = (Record*)NativeMemory.AllocZeroed((nuint)sizeof(Record));
        double b = Fill(native);
        NativeMemory.Free(native);
        var holder = new Holder();
        double c;
        fixed (Record* inObject = &holder.Inner) c = Fill(inObject);
        Console.WriteLine($"sums {a} {b} {c}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sums 84.5 84.5 84.5
// CHECK-NOT: ERROR:
