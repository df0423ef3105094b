using SharpSan.Runtime.Common.Reporting;

namespace SharpSan.Runtime.Address.Errors;

/// <summary>ASan's "Shadow bytes around the buggy address" block and its legend.</summary>
internal static unsafe class ShadowDump
{
    public static void Print(ReportBuilder report, nuint address, bool legend)
    {
        report.Line("Shadow bytes around the buggy address:");
        nuint shadow = (nuint)ShadowMemory.For(address);
        nuint row = shadow & ~(nuint)15;
        for (int i = -5; i <= 5; i++)
        {
            nuint start = (nuint)((long)row + i * 16);
            var line = new System.Text.StringBuilder();
            line.Append(i == 0 ? "=>" : "  ").Append($"0x{start:x12}:");
            for (int j = 0; j < 16; j++)
            {
                nuint s = start + (nuint)j;
                byte value = *(byte*)s;
                if (s == shadow) line.Append($"[{value:x2}]");
                else if (s == shadow + 1 && j > 0) line.Append($"{value:x2}");
                else line.Append($" {value:x2}");
            }
            report.Line(line.ToString());
        }
        if (!legend) return;
        report.Line("Shadow byte legend (one shadow byte represents 8 application bytes):");
        report.Line("  Addressable:           00");
        report.Line("  Partially addressable: 01 02 03 04 05 06 07 ");
        report.Line("  Heap left redzone:       fa");
        report.Line("  Freed heap region:       fd");
        report.Line("  Stack left redzone:      f1");
        report.Line("  Stack mid redzone:       f2");
        report.Line("  Stack right redzone:     f3");
        report.Line("  Stack after return:      f5");
        report.Line("  Stack use after scope:   f8");
        report.Line("  Global redzone:          f9");
        report.Line("  Global init order:       f6");
        report.Line("  Poisoned by user:        f7");
        report.Line("  Container overflow:      fc");
        report.Line("  Returned to pool:        fb");
        report.Line("  Unpinned object:         f4");
        report.Line("  Array cookie:            ac");
        report.Line("  Intra object redzone:    bb");
        report.Line("  ASan internal:           fe");
        report.Line("  Left alloca redzone:     ca");
        report.Line("  Right alloca redzone:    cb");
    }
}
