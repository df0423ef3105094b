// Encoding.UTF8.GetString(byte*, int) told to decode 20 bytes from a 16-byte block.
using System;
using System.Runtime.InteropServices;
using System.Text;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(16);
        for (int i = 0; i < 16; i++) p[i] = (byte)'a';
        string s = Encoding.UTF8.GetString(p, 20);
        Console.WriteLine(s.Length);
        NativeMemory.Free(p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 20 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Text.Encoding.GetString(byte*, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}EncodingGetStringOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}EncodingGetStringOverflow.cs:[[@LINE-10]] in Program.Main()
