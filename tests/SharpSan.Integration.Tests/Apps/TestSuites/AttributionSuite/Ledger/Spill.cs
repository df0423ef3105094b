using System.Runtime.InteropServices;

namespace Ledger;

/// <summary>One byte written past a 4-byte block, in several places (one bug each), for work on other threads to run into.</summary>
public static unsafe class Spill
{
    public static void AfterTheTest()
    {
        byte* p = (byte*)NativeMemory.Alloc(4);
        p[4] = 1; // BUG-AFTER
        NativeMemory.Free(p);
    }

    public static void ForTheTest()
    {
        byte* p = (byte*)NativeMemory.Alloc(4);
        p[4] = 2; // BUG-DELEGATED
        NativeMemory.Free(p);
    }

    public static void FromTheConstructor()
    {
        byte* p = (byte*)NativeMemory.Alloc(4);
        p[4] = 3; // BUG-CONSTRUCTOR
        NativeMemory.Free(p);
    }

    public static void InTheTest()
    {
        byte* p = (byte*)NativeMemory.Alloc(4);
        p[4] = 4; // BUG-IN-TEST
        NativeMemory.Free(p);
    }
}

/// <summary>Work that fails a few calls deep: the exception leaves checked frames as it escapes into the thread pool.</summary>
public static class Work
{
    public static void Fail() => Deeper(3);

    static void Deeper(int depth)
    {
        if (depth == 0) throw new InvalidOperationException("the work failed");
        Deeper(depth - 1);
    }
}
