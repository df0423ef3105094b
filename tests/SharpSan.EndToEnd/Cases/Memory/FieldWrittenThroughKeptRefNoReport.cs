using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// A field whose address is handed out (a ref return) is written through that ref after an undefined value was stored
// into it directly: the value read back is the defined one written last. Writes through the ref go where no field
// store is seen, so such a field must carry no shadow of its own (it once kept the undefined store's shadow: a false
// report at the branch).
unsafe class Slot
{
    int _value;

    public ref int Value => ref _value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Load(int* raw) => _value = raw[0];

    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Read() => _value;
}

unsafe class Program
{
    static void Main()
    {
        int* raw = (int*)NativeMemory.Alloc(16);
        var slot = new Slot();
        ref int kept = ref slot.Value;
        slot.Load(raw);
        kept = 7;
        if (slot.Read() > 5) Console.WriteLine("seven");
        NativeMemory.Free(raw);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: seven
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
