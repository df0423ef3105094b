using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static readonly string[] Names = ["zero", "one", "two", "three"];

    static string Lookup(int* indices, int k) => Names[indices[k]];

    static void Main()
    {
        int* indices = (int*)NativeMemory.Alloc(16);
        indices[0] = 1;
        Console.WriteLine(Lookup(indices, 0));
        Console.WriteLine(Lookup(indices, 1));
    }
}

// SANITIZE: memory
// CHECK: one
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Lookup(int*, int) {{.*}}ArrayIndexUninitialized.cs:[[@LINE-14]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ArrayIndexUninitialized.cs:[[@LINE-8]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}ArrayIndexUninitialized.cs:[[@LINE-16]] in Program.Lookup(int*, int)
