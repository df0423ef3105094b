using System;
using System.Runtime.InteropServices;

struct Record
{
    public byte Tag;     // three bytes of padding follow
    public int Value;
}

unsafe class Program
{
    static void Main()
    {
        Record* source = (Record*)NativeMemory.Alloc((nuint)sizeof(Record) * 4);
        Record* target = (Record*)NativeMemory.Alloc((nuint)sizeof(Record) * 4);
        for (int i = 0; i < 4; i++)
        {
            source[i].Tag = (byte)i;
            source[i].Value = i * 10;
        }
        for (int i = 0; i < 4; i++) target[i] = source[i];   // copies the padding too
        Buffer.MemoryCopy(source, target, sizeof(Record) * 4, sizeof(Record) * 4);
        int sum = 0;
        for (int i = 0; i < 4; i++)
            if (target[i].Tag > 0) sum += target[i].Value;
        Console.WriteLine($"sum {sum}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sum 60
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
