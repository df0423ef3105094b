// Unsafe.Read/Write/ReadUnaligned/WriteUnaligned of a ref struct (allowed since .NET 9: `where T : allows ref struct`),
// directly and from a generic helper whose T allows ref structs. SharpSan's interceptors for these APIs cannot take
// a ref struct type argument (its runtime targets net8.0), so redirecting such a call to them made the method
// invalid (a byref-like generic argument where none is allowed). The calls stay checked in place instead.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

ref struct Pair
{
    public int First;
    public int Second;
}

static unsafe class Program
{
    static T ReadAt<T>(void* source) where T : allows ref struct => Unsafe.Read<T>(source);
    static void WriteAt<T>(void* destination, T value) where T : allows ref struct => Unsafe.Write(destination, value);
    static T ReadLoose<T>(void* source) where T : allows ref struct => Unsafe.ReadUnaligned<T>(source);

    static void Main()
    {
        void* block = NativeMemory.Alloc(16);
        Unsafe.Write(block, new Pair { First = 1, Second = 2 });
        Pair direct = Unsafe.Read<Pair>(block);
        WriteAt((byte*)block + 8, new Pair { First = 3, Second = 4 });
        Pair generic = ReadAt<Pair>((byte*)block + 8);
        Unsafe.WriteUnaligned((byte*)block + 4, new Pair { First = 5, Second = 6 });
        Pair loose = ReadLoose<Pair>((byte*)block + 4);
        int plain = ReadAt<int>(block);
        NativeMemory.Free(block);
        Console.WriteLine($"{direct.First} {direct.Second} {generic.First} {generic.Second} {loose.First} {loose.Second} {plain}");
    }
}
// CHECK-NOT: ERROR:
// CHECK-NOT: Exception
// CHECK: 1 2 3 4 5 6 1
// CHECK-NOT: ERROR:
