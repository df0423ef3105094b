// Every instrumented method gets an exception handler that pops its shadow frame, so its returns are rewritten:
// values, structs, generics, refs, spans, several returns, returns from loops and switches, constructors. Optimised,
// and each result printed: the rewrite keeps what every return gives back, and nothing is reported.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

struct Pair { public long A, B; public Pair(long a, long b) { A = a; B = b; } }

sealed class Holder<T>
{
    readonly T[] _items;
    public Holder(T[] items) { _items = items; }
    public ref T At(int i) => ref _items[i];
    public ref readonly T ReadOnlyAt(int i) => ref _items[i];
    public T First => _items[0];
}

static unsafe class Program
{
    static int* s_buffer;

    static int Pick(int x)
    {
        switch (x)
        {
            case 0: return s_buffer[0];
            case 1: return s_buffer[1] + 10;
            default:
                for (int i = 0; i < 4; i++)
                    if (s_buffer[i] == x) return i;
                return -1;
        }
    }

    static Pair MakePair(int n) => n < 0 ? default : new Pair(s_buffer[n & 3], n);

    static T Identity<T>(T value) => value;

    static Span<int> Window(int start) => new Span<int>(s_buffer + start, 4 - start);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Inlined(int i) => s_buffer[i & 3] * 2;

    static void Fill(int n)
    {
        if (n == 0) return;
        for (int i = 0; i < n; i++)
        {
            s_buffer[i] = i + 1;
            if (i == 3) return;
        }
    }

    static string Describe(object o) => o switch { int i => "int " + i, string s => "string " + s, _ => "other" };

    static void Main()
    {
        s_buffer = (int*)NativeMemory.AllocZeroed(16);
        Fill(10);
        var holder = new Holder<int>([5, 6, 7]);
        holder.At(1) = 60;
        Console.WriteLine($"pick {Pick(0)} {Pick(1)} {Pick(3)} {Pick(9)}");
        Console.WriteLine($"pair {MakePair(2).A} {MakePair(2).B} {MakePair(-1).A}");
        Console.WriteLine($"identity {Identity("s")} {Identity(42)} {Identity(new Pair(7, 8)).B}");
        Console.WriteLine($"window {Window(1).Length} {Window(1)[2]}");
        Console.WriteLine($"refs {holder.At(1)} {holder.ReadOnlyAt(2)} {holder.First}");
        Console.WriteLine($"inlined {Inlined(5)} {Describe(3)} {Describe("x")} {Describe(1.0)}");
        NativeMemory.Free(s_buffer);
    }
}
// OPTIMIZE: true
// CHECK-NOT: ERROR:
// CHECK: pick 1 12 2 -1
// CHECK-NEXT: pair 3 2 0
// CHECK-NEXT: identity s 42 8
// CHECK-NEXT: window 3 4
// CHECK-NEXT: refs 60 7 5
// CHECK-NEXT: inlined 4 int 3 string x other
// CHECK-NOT: ERROR:
