using System.Runtime.InteropServices;

// worker overflow: writes one byte past a 16-byte native block; worker clean: uses all 16 bytes and frees them.
unsafe
{
    byte* block = (byte*)NativeMemory.Alloc(16);
    int end = args is ["overflow"] ? 17 : 16;
    for (int i = 0; i < end; i++) block[i] = (byte)i;   // BUG-CHILD-OVERFLOW
    int sum = 0;
    for (int i = 0; i < 16; i++) sum += block[i];
    NativeMemory.Free(block);
    Console.WriteLine($"worker {args.FirstOrDefault()} done: {sum}");
}
return 0;
