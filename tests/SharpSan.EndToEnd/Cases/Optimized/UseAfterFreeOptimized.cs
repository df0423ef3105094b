// OPTIMIZE: true
// Optimized build: use-after-free through a struct pointer; access, free and allocation lines all map.
using System;
using System.Runtime.InteropServices;

struct Account { public long Id; public double Balance; }

static unsafe class Program
{
    static Account* Open(long id)
    {
        Console.WriteLine("opening");
        Account* a = (Account*)Marshal.AllocHGlobal(sizeof(Account));
        a->Id = id;
        a->Balance = 0;
        return a;
    }

    static void Close(Account* a)
    {
        Console.WriteLine("closing");
        Marshal.FreeHGlobal((IntPtr)a);
    }

    static void Main()
    {
        Console.WriteLine("start");
        Account* a = Open(7);
        Close(a);
        a->Balance += 100;
    }
}
// CHECK: closing
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeOptimized.cs:[[@LINE-6]]
// CHECK-NEXT: is located 8 bytes inside of 16-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Close(Account*) {{.*}}UseAfterFreeOptimized.cs:[[@LINE-18]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeOptimized.cs:[[@LINE-12]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Open(long) {{.*}}UseAfterFreeOptimized.cs:[[@LINE-31]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeOptimized.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterFreeOptimized.cs:[[@LINE-16]] in Program.Main()
