// The genuine twin: Entry<int,long>[] rented for 3 entries (a bucket of 16), filled up to a count the caller keeps
// and never checked against Length; the fourth entry lands in the pool's slack (checked over the element's bytes).
using System;
using System.Buffers;

struct Entry<TKey, TValue>
{
    public uint HashCode;
    public int Next;
    public TKey Key;
    public TValue Value;
}

static class Program
{
    static void Fill<TKey, TValue>(Entry<TKey, TValue>[] entries, int count, TKey key, TValue value)
    {
        for (int i = 0; i < count; i++) entries[i].Key = key;
    }

    static void Main()
    {
        var entries = ArrayPool<Entry<int, long>>.Shared.Rent(3);
        Fill(entries, 4, 7, 70L);
        ArrayPool<Entry<int, long>>.Shared.Return(entries);
    }
}
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 24 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Fill{{.*}} {{.*}}PoolGenericEntriesOverflow.cs:[[@LINE-12]]
// CHECK: [[ADDR]] is located 0 bytes after the requested 72 bytes of 384-byte pooled array {{.*}} (Entry<int, long>[16], 3 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}PoolGenericEntriesOverflow.cs:[[@LINE-14]] in Program.Fill
