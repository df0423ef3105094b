using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)Marshal.AllocHGlobal(8);
        p[0] = 2;
        switch (p[3])
        {
            case 1: Console.WriteLine("one"); break;
            case 2: Console.WriteLine("two"); break;
        }
        Console.WriteLine("done");
        Marshal.FreeHGlobal((IntPtr)p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HGlobalSwitch.cs:[[@LINE-12]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HGlobalSwitch.cs:[[@LINE-17]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}HGlobalSwitch.cs:[[@LINE-16]] in Program.Main()
// CHECK-NOT: done
