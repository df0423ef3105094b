// new string(sbyte*) scans for a NUL terminator that the 8-byte block does not contain.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        sbyte* p = (sbyte*)NativeMemory.Alloc(8);
        for (int i = 0; i < 8; i++) p[i] = (sbyte)'x';
        string s = new string(p);
        Console.WriteLine(s);
        NativeMemory.Free(p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 9 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.String..ctor(sbyte*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StringFromUnterminatedPointer.cs:[[@LINE-8]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}StringFromUnterminatedPointer.cs:[[@LINE-10]] in Program.Main()
