// address,memory with recovering checks (halt_on_error=0) on correct code: struct copies that carry padding, a
// Stream.Read into a rented buffer of which only the bytes read are used and echoed, spans over native memory
// written through the indexer. Neither tool may report.
using System;
using System.Buffers;
using System.IO;
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
        for (int i = 0; i < 4; i++) target[i] = source[i];
        int sum = 0;
        for (int i = 0; i < 4; i++)
            if (target[i].Tag > 0) sum += target[i].Value;

        var input = new MemoryStream(new byte[] { 5, 6, 7, 8, 9 });
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64);
        int read = input.Read(buffer, 0, buffer.Length);
        for (int i = 0; i < read; i++)
            if (buffer[i] > 6) sum += buffer[i];
        var echo = new MemoryStream();
        echo.Write(buffer, 0, read);
        ArrayPool<byte>.Shared.Return(buffer);

        int* block = (int*)NativeMemory.Alloc(8 * sizeof(int));
        var span = new Span<int>(block, 8);
        for (int i = 0; i < span.Length; i++) span[i] = i;
        foreach (int value in span)
            if (value > 6) sum += value;
        Console.WriteLine($"sum {sum} echoed {echo.Length}");
        NativeMemory.Free(source);
        NativeMemory.Free(target);
        NativeMemory.Free(block);
    }
}

// SANITIZE: address,memory
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING:
// CHECK: sum 91 echoed 5
// CHECK-NOT: WARNING:
// CHECK-NOT: ERROR:
