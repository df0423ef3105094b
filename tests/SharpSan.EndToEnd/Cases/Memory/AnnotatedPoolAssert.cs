using System;
using System.Buffers;
using SharpSan.Annotations;

// A program's own pool: it says its arrays come back uninitialised, and the sender asserts what it sends.
sealed class MyPool : ArrayPool<byte>
{
    readonly byte[] _slot = new byte[32];

    public override byte[] Rent(int minimumLength)
    {
        Memory.MarkUndefined(_slot, 0, _slot.Length);
        return _slot;
    }

    public override void Return(byte[] array, bool clearArray = false) { }
}

class Program
{
    static void Main()
    {
        var pool = new MyPool();
        byte[] packet = pool.Rent(32);
        packet[0] = 7;
        Memory.AssertDefined(packet, 0, 1);
        Console.WriteLine("header ok");
        Memory.AssertDefined(packet, 0, 4);
        Console.WriteLine("unreachable");
    }
}

// SANITIZE: memory
// CHECK: header ok
// CHECK: Uninitialized bytes in SharpSan.Annotations.Memory.AssertDefined at offset 1 inside [0, 4)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK: Uninitialized value was created by a call to SharpSan.Annotations.Memory.MarkUndefined
// CHECK: #1 0x{{[0-9a-f]+}} in MyPool.Rent(int) {{.*}}AnnotatedPoolAssert.cs:[[@LINE-26]]
// CHECK-NOT: unreachable
