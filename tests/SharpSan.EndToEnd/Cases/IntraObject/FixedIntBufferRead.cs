// Reading element 4 of `fixed int Samples[4]` in a struct on the stack reads the following field instead.
using System;

unsafe struct Window
{
    public fixed int Samples[4];
    public int Count;
}

static unsafe class Program
{
    static int Sum(ref Window w, int n)
    {
        int sum = 0;
        fixed (Window* p = &w)
            for (int i = 0; i <= n; i++) sum += p->Samples[i];
        return sum;
    }

    static void Main()
    {
        var w = new Window { Count = 99 };
        Console.WriteLine(Sum(ref w, 4));
    }
}
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address
// CHECK-NEXT: READ of size 4 at {{0x[0-9a-f]+}} thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(ref Window, int) {{.*}}FixedIntBufferRead.cs:16
// CHECK: is located 0 bytes to the right of 16-byte fixed buffer 'Window.Samples'
