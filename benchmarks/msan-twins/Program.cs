// Dispatcher for the C# twins: `dotnet MsanTwins.dll <twin>` runs one twin (the name of its .c/.cs pair).
global using System;
global using System.Runtime.CompilerServices;
global using System.Runtime.InteropServices;

static class Program
{
    static int Main(string[] args)
    {
        Action? run = (args.Length > 0 ? args[0] : "") switch
        {
            "heap_branch" => HeapBranch.Run,
            "stack_array" => StackArray.Run,
            "stack_vla" => StackVla.Run,
            "realloc_grown" => ReallocGrown.Run,
            "index_use" => IndexUse.Run,
            "divisor" => Divisor.Run,
            "write_stack" => WriteStack.Run,
            "memcpy_branch" => MemcpyBranch.Run,
            "arithmetic" => Arithmetic.Run,
            "switch_heap" => SwitchHeap.Run,
            "and_keeps_bits" => AndKeepsBits.Run,
            "and_masks_negative" => AndMasksNegative.Run,
            "partial_fill_negative" => PartialFillNegative.Run,
            "copy_unused_negative" => CopyUnusedNegative.Run,
            "zeroed_negative" => ZeroedNegative.Run,
            "read_after_free" => ReadAfterFree.Run,
            "struct_field" => StructField.Run,
            _ => null,
        };
        if (run is null) { Console.Error.WriteLine("usage: MsanTwins <twin>"); return 2; }
        run();
        return 0;
    }
}
