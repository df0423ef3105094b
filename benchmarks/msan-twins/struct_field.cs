// twin of Cases/Memory/StructFieldThroughPointer.cs: one field written, another read, through a pointer
#pragma warning disable CS0649 // Kind and Stamp are never written: that is the point
struct TwinHeader { public int Length; public short Kind; public long Stamp; }
unsafe static class StructField
{
    public static void Run()
    {
        TwinHeader* h = (TwinHeader*)NativeMemory.Alloc((nuint)sizeof(TwinHeader));
        h->Length = 12;
        if (h->Length > 10) Console.WriteLine("long enough");
        if (h->Kind == 3) // USE
            Console.WriteLine("kind three");
    }
}
