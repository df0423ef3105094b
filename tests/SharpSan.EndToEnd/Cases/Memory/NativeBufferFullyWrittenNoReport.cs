using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        buffer[n++] = (byte)'\n';
        Write(1, buffer, (nuint)n);
    }

    static void Main()
    {
        Emit(42);
        Console.Out.Flush();
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: 24
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
