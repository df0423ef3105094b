// stackalloc in a [SkipLocalsInit] method under address,memory: the buffer comes from ASan's fake stack (its
// overflow is a stack-buffer-overflow) and is undefined for MSan (origin: the stackalloc).
using System;
using System.Runtime.CompilerServices;

unsafe class Program
{
    [SkipLocalsInit]
    static int Checksum(int count)
    {
        byte* buffer = stackalloc byte[16];
        for (int i = 0; i < count; i++) buffer[i] = (byte)i;
        int sum = 0;
        for (int i = 0; i < 16; i++) sum += buffer[i];
        if (sum > 100)
            return 1;
        return 0;
    }

    static void Main()
    {
        Console.WriteLine($"partial {Checksum(4)}");
        Console.WriteLine($"past the end {Checksum(17)}");
    }
}

// SANITIZE: address,memory
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
// EXIT: 77
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Checksum(int) {{.*}}StackAllocUninitializedAndOverflow.cs:[[@LINE-16]]
// CHECK: Uninitialized value was created by an allocation of 'stackalloc at IL_{{[0-9a-f]+}}' in the stack frame of function 'Program.Checksum(int)'
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value
// CHECK: partial
// CHECK: ERROR: AddressSanitizer: stack-buffer-overflow on address
// CHECK-NEXT: WRITE of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Checksum(int) {{.*}}StackAllocUninitializedAndOverflow.cs:[[@LINE-25]]
// CHECK: SUMMARY: AddressSanitizer: stack-buffer-overflow
// CHECK: past the end
