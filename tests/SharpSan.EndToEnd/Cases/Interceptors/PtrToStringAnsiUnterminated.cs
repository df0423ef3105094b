// Marshal.PtrToStringAnsi on 4 bytes with no NUL terminator: the scan for the terminator runs off the block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* text = (byte*)NativeMemory.Alloc(4);
        text[0] = (byte)'a'; text[1] = (byte)'b'; text[2] = (byte)'c'; text[3] = (byte)'d';
        string s = Marshal.PtrToStringAnsi((IntPtr)text);
        Console.WriteLine(s);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 5 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.PtrToString
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PtrToStringAnsiUnterminated.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 4-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}PtrToStringAnsiUnterminated.cs:[[@LINE-9]] in Program.Main()
// CHECK-NOT: abcd
