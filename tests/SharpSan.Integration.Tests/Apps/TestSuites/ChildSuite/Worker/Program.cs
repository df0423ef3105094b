using System.Runtime.InteropServices;

// worker <mode>: fills a 16-byte native block and frees it. clean: nothing more; overflow, unwaited*: writes one byte
// past the block (each on its own line, so each is its own bug); late: the same, two seconds later.
unsafe
{
    string mode = args.FirstOrDefault() ?? "clean";
    if (mode == "late") Thread.Sleep(2000);
    byte* block = (byte*)NativeMemory.Alloc(16);
    for (int i = 0; i < 16; i++) block[i] = (byte)i;
    if (mode == "overflow") block[16] = 1;   // BUG-CHILD-OVERFLOW
    if (mode == "unwaited") block[16] = 2;   // BUG-UNWAITED-CHILD-OVERFLOW
    if (mode == "late") block[16] = 3;   // BUG-LATE-CHILD-OVERFLOW
    if (mode == "unwaited-task") block[16] = 4;   // BUG-UNWAITED-TASK-CHILD-OVERFLOW
    int sum = 0;
    for (int i = 0; i < 16; i++) sum += block[i];
    NativeMemory.Free(block);
    Console.WriteLine($"worker {mode} done: {sum}");
}
return 0;
