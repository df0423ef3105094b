// Reading p->Name (a long field at offset 8) after the struct's block was freed.
using System;
using System.Runtime.InteropServices;

struct Record { public int Id; public long Name; }

static unsafe class Program
{
    static long NameOf(Record* r) { return r->Name; }

    static void Main()
    {
        Record* r = (Record*)NativeMemory.Alloc((nuint)sizeof(Record));
        r->Id = 1;
        r->Name = 42;
        NativeMemory.Free(r);
        Console.WriteLine(NameOf(r));
    }
}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.NameOf(Record*) {{.*}}StructFieldReadAfterFree.cs:[[@LINE-13]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldReadAfterFree.cs:[[@LINE-6]]
// CHECK-NEXT: is located 8 bytes inside of 16-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldReadAfterFree.cs:[[@LINE-11]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldReadAfterFree.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}StructFieldReadAfterFree.cs:[[@LINE-22]] in Program.NameOf(Record*)
