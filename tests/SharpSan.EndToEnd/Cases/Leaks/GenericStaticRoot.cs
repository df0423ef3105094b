// A block referenced only from a static field of a generic class instantiation (Cache<int>) is not leaked.
using System;
using System.Runtime.InteropServices;

static class Cache<T>
{
    public static IntPtr Block;
}

static class Program
{
    static void Main()
    {
        Cache<int>.Block = Marshal.AllocHGlobal(128);
        Cache<string>.Block = Marshal.AllocHGlobal(64);
        Console.WriteLine("cached");
    }
}
// CHECK-NOT: ERROR:
// CHECK: cached
// CHECK-NOT: ERROR:
// CHECK-NOT: leak
