// Pointers in statics of generic classes whose instantiations appear only at run time: Cache<T> is written by a
// generic method (its code mentions only Cache<!!0>) called as Store<long>(), and by a generic class's method
// (Registry<T>.Add writes Cache<T[]>) for Registry<byte>. Both instantiations are roots.
using System;
using System.Runtime.InteropServices;

static unsafe class Cache<T>
{
    public static void* Block;
}

sealed unsafe class Registry<T>
{
    public void Add(int size) => Cache<T[]>.Block = NativeMemory.Alloc((nuint)size);
}

static unsafe class Program
{
    static void Store<T>(int size) => Cache<T>.Block = NativeMemory.Alloc((nuint)size);

    static void Main()
    {
        Store<long>(48);
        new Registry<byte>().Add(56);
        Console.WriteLine("stored");
    }
}
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING
// CHECK: stored
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING
// CHECK-NOT: leak
