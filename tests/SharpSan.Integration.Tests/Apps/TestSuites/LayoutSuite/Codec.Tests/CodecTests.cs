using Acme.Codec;
using Acme.Vendor;

namespace Codec.Tests;

public class CodecTests
{
    [Fact]
    public void DecodeSum_WithRoomForTheTerminator() => Assert.Equal(3 * 7 + 2 * 5, RunLength.DecodeSum([3, 7, 2, 5], reserveTerminator: true));

    [Fact]
    public void DecodeSum_WithoutRoomForTheTerminator() => Assert.Equal(3 * 7 + 2 * 5, RunLength.DecodeSum([3, 7, 2, 5], reserveTerminator: false));

    /// <summary>The common pattern of test suites: data found relative to the test assembly's own folder.</summary>
    [Fact]
    public void DataBesideTheProject_IsFoundFromTheTestAssemblysFolder()
    {
        string here = Path.GetDirectoryName(typeof(CodecTests).Assembly.Location)!;
        Assert.Equal("hello from the tests' data folder", File.ReadAllText(Path.Combine(here, "..", "..", "..", "data", "message.txt")).Trim());
    }

    [Fact]
    public void RepositoryRoot_IsFoundByWalkingUp()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "suite.marker"))) dir = dir.Parent;
        Assert.NotNull(dir);
        Assert.Equal(65537, Checksum.Of([0]));
    }
}
