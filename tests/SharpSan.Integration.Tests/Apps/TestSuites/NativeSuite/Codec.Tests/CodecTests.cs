using System.Reflection;
using System.Runtime.InteropServices;

namespace Codec.Tests;

static class Codec
{
    [DllImport("codec", EntryPoint = "sum_copied")]
    public static extern int SumCopied(byte[] source, int count);
}

public class CodecTests
{
    static CodecTests()
    {
        string library = typeof(CodecTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CodecLibrary").Value!;
        NativeLibrary.SetDllImportResolver(typeof(CodecTests).Assembly, (name, _, _) => name == "codec" ? NativeLibrary.Load(library) : 0);
    }

    static byte[] Ones(int count) => Enumerable.Repeat((byte)1, count).ToArray();

    [Fact]
    public void SumOfAFullBlock_Passes() => Assert.Equal(16, Codec.SumCopied(Ones(16), 16));

    [Fact]
    public void SumOfAShortInput_Passes() => Assert.Equal(4, Codec.SumCopied(Ones(4), 4));

    [Fact]
    public void SumPastTheBlock_FailsThisTest()
    {
        int sum = Codec.SumCopied(Ones(24), 24);   // BUG-NATIVE-CALL
        Assert.Equal(16, sum);
    }

    [Fact]
    public void ManagedOnly_Passes() => Assert.Equal(6, Ones(6).Sum(b => b));
}
