// Fixed buffers and ref fields together: a ref struct with its own `fixed` buffer (a local), and a ref struct whose
// `ref` field points at a struct with a fixed buffer (in a class object, on the stack, in native memory). Every
// element is written and read in bounds: no report, and the intra-object checks follow the address through the ref
// field without touching the field itself.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

unsafe ref struct Frame
{
    public fixed byte Data[16];
    public int Length;
}

unsafe struct Header
{
    public fixed int Words[4];
    public int Tag;
}

unsafe ref struct HeaderView
{
    readonly ref Header _header;
    public HeaderView(ref Header header) => _header = ref header;

    public void Fill(int count, int seed)
    {
        for (int i = 0; i < count; i++) _header.Words[i] = seed + i;
        _header.Tag = count;
    }

    public int Sum()
    {
        int sum = 0;
        for (int i = 0; i < _header.Tag; i++) sum += _header.Words[i];
        return sum;
    }
}

class Box { public Header Header; }

static unsafe class Program
{
    static void Main()
    {
        Frame frame = default;
        for (int i = 0; i < 16; i++) frame.Data[i] = (byte)i;
        frame.Length = 16;
        int frameSum = 0;
        for (int i = 0; i < frame.Length; i++) frameSum += frame.Data[i];

        var box = new Box();
        var inObject = new HeaderView(ref box.Header);
        inObject.Fill(4, 10);

        Header onStack = default;
        var viewOfStack = new HeaderView(ref onStack);
        viewOfStack.Fill(3, 1);

        var native = (Header*)NativeMemory.AllocZeroed((nuint)sizeof(Header));
        var viewOfNative = new HeaderView(ref Unsafe.AsRef<Header>(native));
        viewOfNative.Fill(4, 100);
        int nativeSum = viewOfNative.Sum();
        NativeMemory.Free(native);

        Console.WriteLine($"frame {frameSum} object {inObject.Sum()} stack {viewOfStack.Sum()} native {nativeSum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK-NOT: InvalidProgramException
// CHECK: frame 120 object 46 stack 6 native 406
// CHECK-NOT: ERROR:
