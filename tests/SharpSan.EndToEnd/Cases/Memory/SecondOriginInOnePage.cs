using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// A shadow page keeps one origin until a second is written into it: two small blocks allocated in different methods
// share a page, and a byte of each still names its own allocation (neither the first nor the last origin wins).
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
        if (first[5] == 9)
            Console.WriteLine("nine too");
        Console.WriteLine($"done {first[0]}");
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SecondOriginInOnePage.cs:[[@LINE-11]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.MakeSecond() {{.*}}SecondOriginInOnePage.cs:[[@LINE-21]]
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SecondOriginInOnePage.cs:[[@LINE-14]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.MakeFirst() {{.*}}SecondOriginInOnePage.cs:[[@LINE-29]]
// CHECK: done 1
