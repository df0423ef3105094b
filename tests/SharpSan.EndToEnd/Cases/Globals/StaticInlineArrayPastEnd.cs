// A static [InlineArray(8)] of ints read past its end with Unsafe.Add: the static is the whole variable, so the
// read leaves the global — global-buffer-overflow, named like ASan names globals, with the static's size.
using System;
using System.Runtime.CompilerServices;

namespace Demo;

[InlineArray(8)]
struct Table { int _element0; }

static class Program
{
    static Table s_table;

    static int Sum(int n)
    {
        int sum = 0;
        for (int i = 0; i < n; i++) sum += Unsafe.Add(ref s_table[0], i);
        return sum;
    }

    static void Main()
    {
        for (int i = 0; i < 8; i++) s_table[i] = i;
        Console.WriteLine($"sum {Sum(8)}");
        Console.WriteLine($"sum {Sum(9)}");
        Console.WriteLine("not reached");
    }
}
// CHECK: sum 28
// CHECK: ERROR: AddressSanitizer: global-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Sum(int) {{.*}}StaticInlineArrayPastEnd.cs:[[@LINE-15]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}StaticInlineArrayPastEnd.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of global variable 'Demo.Program.s_table' (static field, {{0x[0-9a-f]+}}) of size 32
// CHECK: SUMMARY: AddressSanitizer: global-buffer-overflow {{.*}}StaticInlineArrayPastEnd.cs:[[@LINE-18]] in Demo.Program.Sum(int)
// CHECK-NOT: not reached
