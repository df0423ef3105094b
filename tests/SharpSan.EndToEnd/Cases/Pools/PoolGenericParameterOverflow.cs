// The twin: a pooled stack of T that keeps its own capacity (the requested 5) but checks it off by one, so the
// sixth push lands in the pool's slack. Never asks for Length; reported for T = int at the store.
using System;
using System.Buffers;

sealed class PooledStack<T>
{
    const int Capacity = 5;
    readonly T[] _items = ArrayPool<T>.Shared.Rent(Capacity);
    int _count;

    public void Push(T item)
    {
        if (_count > Capacity) throw new InvalidOperationException("full");
        _items[_count++] = item;
    }
}

static class Program
{
    static void Main()
    {
        var stack = new PooledStack<int>();
        for (int i = 0; i < 6; i++) stack.Push(i);
    }
}
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in PooledStack<T>.Push(T) {{.*}}PoolGenericParameterOverflow.cs:[[@LINE-14]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolGenericParameterOverflow.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes after the requested 20 bytes of 64-byte pooled array {{.*}} (int[16], 5 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}PoolGenericParameterOverflow.cs:[[@LINE-17]] in PooledStack<T>.Push(T)
