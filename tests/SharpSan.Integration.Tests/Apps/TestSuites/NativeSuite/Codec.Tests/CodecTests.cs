using System.Reflection;
using System.Runtime.InteropServices;
using Codec.Vendor;

namespace Codec.Tests;

static class Codec
{
    [DllImport("codec", EntryPoint = "sum_copied")]
    public static extern int SumCopied(byte[] source, int count);

    [DllImport("codec", EntryPoint = "poke")]
    public static extern int Poke(int index);

    static Codec()
    {
        string library = typeof(Codec).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CodecLibrary").Value!;
        DllImportResolver resolve = (name, _, _) => name == "codec" ? NativeLibrary.Load(library) : 0;
        NativeLibrary.SetDllImportResolver(typeof(Codec).Assembly, resolve);
        NativeLibrary.SetDllImportResolver(typeof(VendorCodec).Assembly, resolve);
    }

    public static void EnsureResolved() { }

    public static byte[] Ones(int count) => Enumerable.Repeat((byte)1, count).ToArray();
}

public class CodecTests
{
    static CodecTests() => Codec.EnsureResolved();

    static byte[] Ones(int count) => Codec.Ones(count);

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

    // Through the vendor's own P/Invoke (Codec.Vendor is not checked): no check follows its native call, so the test
    // fails when it ends.
    [Fact]
    public void VendorChecksumOfAFullBlock_Passes() => Assert.Equal(0, VendorCodec.Checksum(Ones(32)));

    [Fact]
    public void VendorChecksumPastTheBlock_FailsThisTest()
    {
        int checksum = VendorCodec.Checksum(Ones(40));   // BUG-VENDOR-CALL
        Assert.Equal(0, checksum);
    }

    [Fact]
    public async Task VendorChecksumPastTheBlockAfterAwait_FailsThisTest()
    {
        await Task.Yield();
        int checksum = VendorCodec.Checksum(Ones(48));   // BUG-ASYNC-VENDOR-CALL
        Assert.Equal(0, checksum);
    }

    [Fact]
    public async Task VendorChecksumAfterAwait_Passes()
    {
        await Task.Yield();
        Assert.Equal(1, VendorCodec.Checksum(Ones(31)));
    }
}

/// <summary>
/// The library's own code overflows (an inline check in code built without -fsanitize-recover=address): ASan ends the
/// test host after its report. Run alone, by filter.
/// </summary>
public class HostDeathTests
{
    static HostDeathTests() => Codec.EnsureResolved();

    [Fact]
    public void PokePastTheBlock_EndsTheHost()
    {
        Assert.Equal(7, Codec.Poke(8));   // BUG-INLINE-CHECK
    }
}
