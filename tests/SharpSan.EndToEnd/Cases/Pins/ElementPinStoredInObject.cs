// `fixed (double* p = &samples[2])` pins through an element reference; the pointer is stored in an object and a
// later call writes through it after the pin has ended.
using System;

sealed unsafe class Cursor
{
    public double* Position;
    public void Put(double value) => *Position = value;
}

static unsafe class Program
{
    static Cursor Open(double[] samples)
    {
        var cursor = new Cursor();
        fixed (double* p = &samples[2]) cursor.Position = p;
        return cursor;
    }

    static void Main()
    {
        var samples = new double[8];
        var cursor = Open(samples);
        Console.WriteLine("opened");
        cursor.Put(1.5);
    }
}
// CHECK: opened
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Cursor.Put(double) {{.*}}ElementPinStoredInObject.cs:[[@LINE-23]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ElementPinStoredInObject.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 16 bytes inside of 64-byte managed double[8]
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Open(double[]) {{.*}}ElementPinStoredInObject.cs:[[@LINE-19]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Open(double[]) {{.*}}ElementPinStoredInObject.cs:[[@LINE-21]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}ElementPinStoredInObject.cs:[[@LINE-30]] in Cursor.Put(double)
