// A span one element longer than an int table (RuntimeHelpers.CreateSpan data) is caught when it is made.
using System;

static class Tables
{
    public static ReadOnlySpan<int> Primes => new int[] { 2, 3, 5, 7, 11, 13, 17, 19 };
}

static unsafe class Program
{
    static void Main()
    {
        fixed (int* p = Tables.Primes)
        {
            var all = new ReadOnlySpan<int>(p, 9);
            Console.WriteLine(all.Length);
        }
    }
}
// CHECK: ERROR: AddressSanitizer: global-buffer-overflow on address
// CHECK-NEXT: READ of size 36 at {{0x[0-9a-f]+}} thread T0
// CHECK-NEXT: #0 0x0000 in System.ReadOnlySpan<T>..ctor(void*, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverlongSpanOverRvaData.cs:[[@LINE-8]]
// CHECK-NEXT: {{0x[0-9a-f]+}} is located 0 bytes to the right of global variable 'Tables.get_Primes' (static data, {{0x[0-9a-f]+}}) of size 32
