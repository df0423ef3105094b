// A write through a pointer kept after NativeMemory.Free: freed-by and previously-allocated-by stacks.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int* Make()
    {
        int* p = (int*)NativeMemory.Alloc(40);
        return p;
    }

    static void Release(int* p) => NativeMemory.Free(p);

    static void Main()
    {
        int* p = Make();
        p[3] = 1;
        Release(p);
        p[3] = 2;
    }
}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFree.cs:[[@LINE-5]]
// CHECK-NEXT: [[ADDR]] is located 12 bytes inside of 40-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Release(int*) {{.*}}UseAfterFree.cs:[[@LINE-16]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFree.cs:[[@LINE-11]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Make() {{.*}}UseAfterFree.cs:[[@LINE-24]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFree.cs:[[@LINE-17]]
// CHECK: Freed heap region: fd
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterFree.cs:[[@LINE-16]] in Program.Main()
