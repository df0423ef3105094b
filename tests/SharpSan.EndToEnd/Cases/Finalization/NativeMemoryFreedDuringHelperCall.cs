// OPTIMIZE: true
// 'this' dies when Sum passes its pointer to a static helper: the gc_stress safe point at that call finalizes the
// object, whose finalizer frees the values (NativeMemory.Free) while the helper is about to read them.
using System;
using System.Runtime.InteropServices;

static unsafe class Checksum
{
    public static long Of(long* values, int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++) sum += values[i];
        return sum;
    }
}

unsafe sealed class Series
{
    readonly long* _values;
    readonly int _count;

    public Series(int count)
    {
        _count = count;
        _values = (long*)NativeMemory.Alloc((nuint)(count * sizeof(long)));
        for (int i = 0; i < count; i++) _values[i] = i;
    }

    ~Series() => NativeMemory.Free(_values);

    public long Sum() => Checksum.Of(_values, _count);
}

static class Program
{
    static void Main()
    {
        Console.WriteLine("start");
        Console.WriteLine(new Series(8).Sum());
    }
}
// ENV: SHARPSAN_OPTIONS=gc_stress=1
// ENV: DOTNET_TieredCompilation=0
// CHECK: start
// CHECK: ERROR: AddressSanitizer: premature-finalization on address 0x{{[0-9a-f]+}} (the finalizer of Series freed native memory while Series.Sum() is still running on the same object)
// CHECK-NEXT: FREE of 0x{{[0-9a-f]+}} by thread T{{[0-9]+}} (finalizer):
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Series.Finalize() {{.*}}NativeMemoryFreedDuringHelperCall.cs:[[@LINE-19]]
// CHECK: Series.Sum() is still running in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Series.Sum() {{.*}}NativeMemoryFreedDuringHelperCall.cs:[[@LINE-19]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}NativeMemoryFreedDuringHelperCall.cs:[[@LINE-12]]
// CHECK: is located 0 bytes inside of 64-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Series..ctor(int) {{.*}}NativeMemoryFreedDuringHelperCall.cs:[[@LINE-30]]
// CHECK: SUMMARY: AddressSanitizer: premature-finalization {{.*}}NativeMemoryFreedDuringHelperCall.cs:[[@LINE-25]] in Series.Sum()
