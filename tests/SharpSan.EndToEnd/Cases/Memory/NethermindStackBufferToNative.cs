using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// The shape of Nethermind PR #7202: a [SkipLocalsInit] stack buffer, filled only in part, handed to a C function
// that reads all of it.
unsafe class Program
{
    [DllImport("libc", EntryPoint = "write")]
    static extern nint Write(int fd, byte* buffer, nuint count);

    [SkipLocalsInit]
    static void Emit(int value)
    {
        byte* buffer = stackalloc byte[16];
        int n = 0;
        do { buffer[n++] = (byte)('0' + value % 10); value /= 10; } while (value > 0);
        buffer[n] = (byte)'\n';
        Write(1, buffer, 16);
    }

    static void Main()
    {
        Emit(42);
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in argument 2 of a P/Invoke at offset 3 inside [0x{{[0-9a-f]+}}, 16)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Emit(int) {{.*}}NethermindStackBufferToNative.cs:[[@LINE-12]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}NethermindStackBufferToNative.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by an allocation of 'stackalloc at IL_{{[0-9a-f]+}}' in the stack frame of function 'Program.Emit(int)'
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}NethermindStackBufferToNative.cs:[[@LINE-15]] in Program.Emit(int)
