// RefWrappersNoReport under ThreadSanitizer's passes: C# 11 ref fields in every shape a library uses them (generic
// and non-generic wrappers, `ref readonly` and `readonly ref` fields, refs to array elements, class fields, statics,
// locals, stackalloc buffers and native memory, read pinned with `fixed` too, nested ref structs, Span<T> fields,
// `scoped` parameters, [UnscopedRef] members, ref reassignment). One thread, all correct: silent, and every method
// compiles.
using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

ref struct Ref<T>
{
    readonly ref T _value;
    public Ref(ref T value) => _value = ref value;
    public ref T Value => ref _value;
}

readonly ref struct ReadOnlyRef<T>
{
    readonly ref readonly T _value;
    public ReadOnlyRef(in T value) => _value = ref value;
    public ref readonly T Value => ref _value;
}

ref struct IntRef
{
    public ref int Target;
    public int Writes;
    public IntRef(ref int target) { Target = ref target; Writes = 0; }
    public void Add(int n) { Target += n; Writes++; }
    public bool IsNull => Unsafe.IsNullRef(ref Target);
    public unsafe int ReadPinned() { fixed (int* p = &Target) return *p; }
}

ref struct Cursor
{
    ref int _current;
    readonly ref int _end;
    Span<int> _all;

    public Cursor(Span<int> all)
    {
        _all = all;
        _current = ref MemoryMarshal.GetReference(all);
        _end = ref Unsafe.Add(ref _current, all.Length);
    }

    public bool Next(out int value)
    {
        if (!Unsafe.IsAddressLessThan(ref _current, ref _end)) { value = 0; return false; }
        value = _current;
        _current = ref Unsafe.Add(ref _current, 1);
        return true;
    }

    [UnscopedRef] public ref Span<int> All => ref _all;
}

ref struct Pair
{
    public IntRef First;
    public IntRef Second;
    public Pair(ref int a, ref int b) { First = new IntRef(ref a); Second = new IntRef(ref b); }
    public void Swap() { int t = First.Target; First.Target = Second.Target; Second.Target = t; }
}

class Holder { public int Count; public long Total; }

static unsafe class Program
{
    static int s_static;

    static int Sum(scoped ReadOnlySpan<int> values, scoped ref int counter)
    {
        int sum = 0;
        foreach (int v in values) { sum += v; counter++; }
        return sum;
    }

    static void Fill(scoped Span<int> target, int value)
    {
        for (int i = 0; i < target.Length; i++)
        {
            var slot = new Ref<int>(ref target[i]);
            slot.Value = value + i;
        }
    }

    static void Main()
    {
        int[] array = new int[8];
        var element = new IntRef(ref array[3]);
        for (int i = 0; i < 10; i++) element.Add(i);

        var holder = new Holder();
        var count = new Ref<int>(ref holder.Count);
        count.Value += 5;
        var total = new Ref<long>(ref holder.Total);
        total.Value = count.Value * 2L;

        var statics = new IntRef(ref s_static);
        statics.Add(7);

        int local = 1;
        var readOnly = new ReadOnlyRef<int>(in local);
        int copy = readOnly.Value;

        int a = 10, b = 20;
        var pair = new Pair(ref a, ref b);
        pair.Swap();

        Fill(array, 100);
        var cursor = new Cursor(array);
        int walked = 0, counter = 0;
        while (cursor.Next(out int v)) walked += v;
        int summed = Sum(cursor.All, ref counter);

        int* native = (int*)NativeMemory.Alloc(4 * sizeof(int));
        var nativeRef = new IntRef(ref Unsafe.AsRef<int>(native + 3));
        nativeRef.Target = 0;
        nativeRef.Add(9);
        int fromNative = native[3];
        NativeMemory.Free(native);

        Span<int> onStack = stackalloc int[4];
        var stackRef = new IntRef(ref onStack[2]);
        stackRef.Add(3);
        int pinned = stackRef.ReadPinned() + element.ReadPinned() + onStack[2];

        var empty = new IntRef();
        Console.WriteLine($"element {array[3]} count {holder.Count} total {holder.Total} static {s_static} copy {copy}");
        Console.WriteLine($"swapped {a} {b} walked {walked} summed {summed} counter {counter} native {fromNative} null {empty.IsNull} pinned {pinned}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK-NOT: InvalidProgramException
// CHECK: element 103 count 5 total 10 static 7 copy 1
// CHECK: swapped 20 10 walked 828 summed 828 counter 8 native 9 null True pinned 109
// CHECK-NOT: ThreadSanitizer
