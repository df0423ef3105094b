// Memory allocated by code SharpSan did not instrument (here: the framework, called through reflection)
// is the real allocator's; freeing it from instrumented code goes to the real deallocator, without a report.
using System;
using System.Reflection;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        MethodInfo toHGlobal = typeof(Marshal).GetMethod(nameof(Marshal.StringToHGlobalAnsi), new[] { typeof(string) })!;
        IntPtr s = (IntPtr)toHGlobal.Invoke(null, new object[] { "foreign" })!;
        Console.WriteLine(Marshal.PtrToStringAnsi(s));
        Marshal.FreeHGlobal(s);

        MethodInfo alloc = typeof(NativeMemory).GetMethod(nameof(NativeMemory.Alloc), new[] { typeof(nuint) })!;
        void* p = Pointer.Unbox(alloc.Invoke(null, new object[] { (nuint)64 })!);
        ((long*)p)[7] = 42;
        Console.WriteLine(((long*)p)[7]);
        p = NativeMemory.Realloc(p, 128);
        Console.WriteLine(((long*)p)[7]);
        NativeMemory.Free(p);

        MethodInfo coTask = typeof(Marshal).GetMethod(nameof(Marshal.AllocCoTaskMem), new[] { typeof(int) })!;
        IntPtr c = (IntPtr)coTask.Invoke(null, new object[] { 16 })!;
        Marshal.FreeCoTaskMem(c);
        Console.WriteLine("foreign blocks freed");
    }
}
// CHECK-NOT: ERROR:
// CHECK: foreign
// CHECK-NEXT: 42
// CHECK-NEXT: 42
// CHECK-NEXT: foreign blocks freed
// CHECK-NOT: ERROR:
