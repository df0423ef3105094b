// Freeing the old pointer after Realloc moved the block is a double free: Realloc already freed it.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* old = NativeMemory.Alloc(20);
        void* grown = NativeMemory.Realloc(old, 40);
        NativeMemory.Free(grown);
        NativeMemory.Free(old);
    }
}
// CHECK: ERROR: AddressSanitizer: attempting double-free on [[ADDR:0x[0-9a-f]+]] in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FreeAfterRealloc.cs:[[@LINE-5]]
// CHECK: [[ADDR]] is located 0 bytes inside of 20-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Realloc(void*, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FreeAfterRealloc.cs:[[@LINE-11]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FreeAfterRealloc.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: double-free {{.*}}FreeAfterRealloc.cs:[[@LINE-13]] in Program.Main()
