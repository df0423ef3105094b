// OPTIMIZE: true
// Optimized build: an intercepted Buffer.MemoryCopy overflow still names the user's call line as frame #1.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Append(byte* destination, byte* source, int length)
    {
        Console.WriteLine($"append {length}");
        Buffer.MemoryCopy(source, destination, length, length);
    }

    static void Main()
    {
        Console.WriteLine("start");
        byte* a = (byte*)NativeMemory.AllocZeroed(100);
        byte* b = (byte*)NativeMemory.Alloc(50);
        Append(b, a, 50);
        Append(b, a, 51);
    }
}
// CHECK: append 51
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 51 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffer.MemoryCopy(void*, void*, long, long)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Append(byte*, byte*, int) {{.*}}MemoryCopyOptimized.cs:[[@LINE-16]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MemoryCopyOptimized.cs:[[@LINE-8]]
// CHECK-NEXT: is located 0 bytes to the right of 50-byte region
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MemoryCopyOptimized.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}MemoryCopyOptimized.cs:[[@LINE-20]] in Program.Append(byte*, byte*, int)
