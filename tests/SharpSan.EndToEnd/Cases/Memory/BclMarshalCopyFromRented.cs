using System;
using System.Buffers;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte[] staging = ArrayPool<byte>.Shared.Rent(16);
        for (int i = 0; i < 8; i++) staging[i] = 0x41;
        nint native = Marshal.AllocHGlobal(16);
        Marshal.Copy(staging, 0, native, 16);
        byte* bytes = (byte*)native;
        int letters = 0;
        if (bytes[12] == 0x41) letters++;
        Console.WriteLine($"letters {letters}");
        Marshal.FreeHGlobal(native);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclMarshalCopyFromRented.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<byte>.Shared.Rent(16)
// CHECK-NOT: letters
