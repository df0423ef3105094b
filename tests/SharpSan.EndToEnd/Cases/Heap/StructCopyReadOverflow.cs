// s = p[1] reads a whole 12-byte struct from just past a one-element block.
using System;
using System.Runtime.InteropServices;

struct Rgb { public int R, G, B; }

static unsafe class Program
{
    static Rgb Load(Rgb* pixels, int i) { Rgb value = pixels[i]; return value; }

    static void Main()
    {
        Rgb* pixels = (Rgb*)Marshal.AllocHGlobal(sizeof(Rgb));
        *pixels = new Rgb { R = 1, G = 2, B = 3 };
        Rgb first = Load(pixels, 0);
        Rgb second = Load(pixels, 1);
        Console.WriteLine(first.R + second.R);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 12 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Load(Rgb*, int) {{.*}}StructCopyReadOverflow.cs:[[@LINE-13]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructCopyReadOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 12-byte region
// CHECK: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructCopyReadOverflow.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}StructCopyReadOverflow.cs:[[@LINE-18]] in Program.Load(Rgb*, int)
