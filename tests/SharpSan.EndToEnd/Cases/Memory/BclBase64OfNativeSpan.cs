using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* key = (byte*)NativeMemory.Alloc(8);
        for (int i = 0; i < 4; i++) key[i] = (byte)(i + 1);
        string encoded = Convert.ToBase64String(new ReadOnlySpan<byte>(key, 8));
        Console.WriteLine($"encoded {encoded.Length}");
        NativeMemory.Free(key);
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.Convert.ToBase64String(ReadOnlySpan<byte>, Base64FormattingOptions) at offset 4 inside [0, 8)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.Convert.ToBase64String(ReadOnlySpan<byte>, Base64FormattingOptions)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclBase64OfNativeSpan.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclBase64OfNativeSpan.cs:[[@LINE-15]]
// CHECK-NOT: encoded
