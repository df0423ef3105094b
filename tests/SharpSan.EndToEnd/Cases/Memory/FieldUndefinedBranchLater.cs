using System;
using System.Runtime.InteropServices;

// An undefined value stored into a field of a managed object keeps its shadow and origin there: storing and reading
// it back is no report; branching on it later, in another method, is (at the branch).
unsafe class Header
{
    int _length;
    int _kind;

    public void Read(int* raw)
    {
        _kind = raw[0];
        _length = raw[1];
    }

    public void Describe()
    {
        if (_kind == 1) Console.WriteLine("kind one");
        if (_length > 16)
            Console.WriteLine("long");
    }
}

unsafe class Program
{
    static void Main()
    {
        int* raw = (int*)NativeMemory.Alloc(16);
        raw[0] = 1;
        var header = new Header();
        header.Read(raw);
        Console.WriteLine("stored");
        header.Describe();
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: stored
// CHECK: kind one
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Header.Describe() {{.*}}FieldUndefinedBranchLater.cs:[[@LINE-23]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FieldUndefinedBranchLater.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FieldUndefinedBranchLater.cs:[[@LINE-18]]
// CHECK-NOT: done
