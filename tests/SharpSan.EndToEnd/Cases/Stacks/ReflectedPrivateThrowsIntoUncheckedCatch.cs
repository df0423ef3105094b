// Known imprecision: a private method that only checked code calls directly has no fault handler, so when reflection
// calls it (here through a delegate made from its MethodInfo) and unchecked code (Task.RunSynchronously) swallows its
// exception, its frames stay on the shadow stack until checked code below them returns or catches. A report made
// meanwhile from a callee of Main (or an allocation stack captured there) still names them between the callee and
// Main. Detection is unaffected.
using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static unsafe class Program
{
    static void Reflected() => Thrower();

    static void Thrower() => throw new InvalidOperationException("boom");

    static void Overflow(int* p, int n)
    {
        p[n] = 1;
    }

    static void Main(string[] args)
    {
        var method = typeof(Program).GetMethod("Reflected", BindingFlags.NonPublic | BindingFlags.Static)!;
        var task = new Task(method.CreateDelegate<Action>());
        task.RunSynchronously();
        Console.WriteLine("faulted: " + task.IsFaulted);
        int* p = (int*)NativeMemory.Alloc(16);
        Overflow(p, args.Length == 0 ? 4 : 3);
        NativeMemory.Free(p);
    }
}
// CHECK: faulted: True
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Overflow(int*, int) {{.*}}ReflectedPrivateThrowsIntoUncheckedCatch.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Thrower() {{.*}}ReflectedPrivateThrowsIntoUncheckedCatch.cs:[[@LINE-22]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Reflected() {{.*}}ReflectedPrivateThrowsIntoUncheckedCatch.cs:[[@LINE-25]]
// CHECK-NEXT: #3 0x{{[0-9a-f]+}} in Program.Main(string[]) {{.*}}ReflectedPrivateThrowsIntoUncheckedCatch.cs:[[@LINE-10]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ReflectedPrivateThrowsIntoUncheckedCatch.cs:[[@LINE-21]] in Program.Overflow(int*, int)
