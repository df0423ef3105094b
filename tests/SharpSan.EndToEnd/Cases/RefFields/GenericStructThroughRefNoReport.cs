// Fields of a generic struct reached through a `ref` parameter by non-generic code (Roslyn's UseSiteInfo<TAssembly>
// pattern, where four methods became unloadable): a field typed `HashSet<T>` is a reference (8 bytes), a field typed
// `KeyValuePair<T, int>` has its instantiation's size, a `volatile` field its plain type's. The memory-access pass used
// to size the first with `sizeof HashSet<!0>`, a type parameter that means nothing in a non-generic method
// (BadImageFormatException when the method was compiled), and the others not at all.
using System;
using System.Collections.Generic;

struct UseSite<T> where T : class
{
    public T? Primary;
    public HashSet<T>? Secondary;
    public KeyValuePair<T?, int> Last;
    public volatile int Version;
}

static class Program
{
    static void Merge(ref UseSite<string> result, UseSite<string> info)
    {
        result.Secondary ??= new HashSet<string>();
        if (info.Primary is not null) result.Secondary.Add(info.Primary);
        result.Last = new KeyValuePair<string?, int>(info.Primary, result.Last.Value + 1);
        result.Version++;
        result.Primary ??= info.Primary;
    }

    static void Main()
    {
        var merged = new UseSite<string>();
        foreach (var name in new[] { "a", "b", "a", "c" }) Merge(ref merged, new UseSite<string> { Primary = name });
        Console.WriteLine($"{merged.Primary} {merged.Secondary!.Count} {merged.Last.Key} {merged.Last.Value} {merged.Version}");
    }
}
// CHECK-NOT: ERROR:
// CHECK-NOT: Exception
// CHECK: a 3 c 4 4
// CHECK-NOT: ERROR:
