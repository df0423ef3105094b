using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// A shadow page keeps one origin until a second is written into it: two small blocks allocated in different methods
// share a page, and the byte of the second still names its own allocation.
unsafe class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static byte* MakeFirst() => (byte*)NativeMemory.Alloc(48);

    [MethodImpl(MethodImplOptions.NoInlining)]
    static byte* MakeSecond() => (byte*)NativeMemory.Alloc(48);

    static void Main()
    {
        byte* first = MakeFirst();
        byte* second = MakeSecond();
        first[0] = 1;
        if (second[5] == 9)
            Console.WriteLine("nine");
        Console.WriteLine($"done {first[0]}");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SecondOriginInOnePage.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.MakeSecond() {{.*}}SecondOriginInOnePage.cs:[[@LINE-18]]
// CHECK-NOT: done
