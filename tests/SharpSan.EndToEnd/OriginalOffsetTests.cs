using System.Globalization;
using System.Text;
using SharpSan.EndToEnd.Harness;

namespace SharpSan.EndToEnd;

/// <summary>
/// Original IL offsets in frames where a hand-written case cannot go: a method whose body is larger than 64 KiB, so
/// that the faulting instruction's offset needs more than 16 bits in the original and far more in the rewritten body
/// (the site constants also carry flag bits above the offset).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OriginalOffsetTests(Xunit.Abstractions.ITestOutputHelper log)
{
    const int Statements = 7_000;   // ~11 bytes of IL each: the overflowing store lands past 0xFFFF
    const int AccessEvery = 50;     // some checked stores among them, so the method has many sites to map

    [Fact]
    public void HugeMethod_FramePrintsTheOriginalOffsetAboveSixteenBits()
    {
        string dir = Path.Combine(Suite.WorkDirectory, "generated");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "HugeMethodOffsets.cs");
        File.WriteAllText(path, Source());
        var c = CaseFile.Load(path, dir);

        var result = Suite.RunOne(c);
        log.WriteLine($"compile {result.Compile.TotalSeconds:0.0} s, instrument {result.Instrument.TotalSeconds:0.0} s\n{result.Run?.Output}");

        Assert.True(result.Failure() is null, $"{result.Failure()}\n{result.Run?.Output}");
        string offset = new OriginalIl(result.Compiled!).Offset($"Big: stind.i1 #{Statements / AccessEvery + 1}");
        Assert.True(int.Parse(offset, NumberStyles.HexNumber, CultureInfo.InvariantCulture) > 0xFFFF, $"the store is at 0x{offset}: the method is not big enough to test this");
    }

    static string Source()
    {
        var s = new StringBuilder();
        s.AppendLine("using System;");
        s.AppendLine("using System.Runtime.InteropServices;");
        s.AppendLine("static unsafe class Program");
        s.AppendLine("{");
        s.AppendLine("    static void Big(byte* p, int n)");
        s.AppendLine("    {");
        s.AppendLine("        int x = n;");
        for (int k = 0; k < Statements; k++)
            s.AppendLine(k % AccessEvery == 0 ? $"        p[{k % 16}] = (byte)x;" : $"        x = x * 31 + {k + 1000};");
        s.AppendLine("        p[n] = 1; // OVERFLOW");
        s.AppendLine("    }");
        s.AppendLine("    static void Main()");
        s.AppendLine("    {");
        s.AppendLine("        byte* p = (byte*)NativeMemory.Alloc(16);");
        s.AppendLine("        Big(p, 16);");
        s.AppendLine("        NativeMemory.Free(p);");
        s.AppendLine("    }");
        s.AppendLine("}");
        int overflowLine = 8 + Statements;
        s.AppendLine("// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow");
        s.AppendLine($"// CHECK-NEXT: WRITE of size 1");
        s.AppendLine($"// CHECK-NEXT: #0 0x[[@IL(Big: stind.i1 #{Statements / AccessEvery + 1})]] in Program.Big(byte*, int) {{{{.*}}}}HugeMethodOffsets.cs:{overflowLine}");
        s.AppendLine("// CHECK-NEXT: #1 0x[[@IL(Main: call Big)]] in Program.Main()");
        return s.ToString();
    }
}
