using SharpSan.EndToEnd.Harness;

namespace SharpSan.EndToEnd;

/// <summary>The matcher itself: a checker that accepts everything would make every case green.</summary>
public sealed class FileCheckTests
{
    static Directive Check(string p, int line = 10) => new(DirectiveKind.Check, p, line);
    static Directive Next(string p, int line = 10) => new(DirectiveKind.CheckNext, p, line);
    static Directive Not(string p, int line = 10) => new(DirectiveKind.CheckNot, p, line);

    const string Output = """
        hello
        ==1==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x1000
        READ of size 4 at 0x1000 thread T0
            #0 0x002c in Demo.Sum(int*, int) /src/Case.cs:12
        SUMMARY: AddressSanitizer: heap-buffer-overflow /src/Case.cs:12 in Demo.Sum(int*, int)
        """;

    [Fact]
    public void ChecksMatchInOrder()
    {
        Assert.Null(FileCheck.Match([Check("hello"), Check("ERROR: AddressSanitizer: heap-buffer-overflow"), Check("SUMMARY:")], Output));
        Assert.NotNull(FileCheck.Match([Check("SUMMARY:"), Check("READ of size")], Output));
        Assert.NotNull(FileCheck.Match([Check("WRITE of size")], Output));
    }

    [Fact]
    public void CheckContinuesOnTheSameLineAfterThePreviousMatch()
    {
        Assert.Null(FileCheck.Match([Check("READ of size 4"), Check("thread T0")], Output));
        Assert.NotNull(FileCheck.Match([Check("thread T0"), Check("READ")], Output));
    }

    [Fact]
    public void CheckNextMeansTheNextLine()
    {
        Assert.Null(FileCheck.Match([Check("READ of size 4"), Next("#0 {{.*}} in Demo.Sum(int*, int)")], Output));
        Assert.NotNull(FileCheck.Match([Check("ERROR:"), Next("#0")], Output));
    }

    [Fact]
    public void CheckNotLooksBetweenTheSurroundingMatches()
    {
        Assert.Null(FileCheck.Match([Check("READ"), Not("hello"), Check("SUMMARY")], Output));
        Assert.NotNull(FileCheck.Match([Check("hello"), Not("READ"), Check("SUMMARY")], Output));
        Assert.NotNull(FileCheck.Match([Not("ERROR:"), Check("hello")], "x ERROR: y\nhello"));
        Assert.Null(FileCheck.Match([Check("hello"), Not("ERROR:")], "x ERROR: y\nhello"));
        Assert.NotNull(FileCheck.Match([Not("ERROR:")], Output));
        Assert.Null(FileCheck.Match([Not("ERROR:")], "fine"));
    }

    [Fact]
    public void LineSubstitutionsAndRegexes()
    {
        Assert.Null(FileCheck.Match([Check("Case.cs:[[@LINE]]", 12)], Output));
        Assert.Null(FileCheck.Match([Check("Case.cs:[[@LINE+2]]", 10)], Output));
        Assert.Null(FileCheck.Match([Check("Case.cs:[[@LINE-3]]", 15)], Output));
        Assert.NotNull(FileCheck.Match([Check("Case.cs:[[@LINE]]", 13)], Output));
        Assert.Null(FileCheck.Match([Check("on address {{0x[0-9a-f]+}}")], Output));
        Assert.NotNull(FileCheck.Match([Check("on address {{0x[g-z]+}}")], Output));
    }

    [Fact]
    public void LiteralTextIsNotARegexAndBlanksAreFlexible()
    {
        Assert.Null(FileCheck.Match([Check("Demo.Sum(int*, int)")], Output));
        Assert.NotNull(FileCheck.Match([Check("Demo.Sum(int.,.int)")], Output));
        Assert.Null(FileCheck.Match([Check("#0   0x002c   in")], Output));
    }

    [Fact]
    public void VariablesCaptureAndMustMatchLater()
    {
        Assert.Null(FileCheck.Match([Check("on address [[ADDR:0x[0-9a-f]+]]"), Check("READ of size 4 at [[ADDR]]")], Output));
        Assert.NotNull(FileCheck.Match([Check("on address [[ADDR:0x[0-9a-f]+]]"), Check("READ of size 4 at [[ADDR]]")], Output.Replace("at 0x1000", "at 0x2000")));
    }

    [Fact]
    public void DirectivesAreParsedFromCommentsAndDefaultsFollowThem()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sharpsan-filecheck-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "Sample.cs");
            File.WriteAllText(file, """
                // RUN: a "b c"
                // ENV: SHARPSAN_OPTIONS=halt_on_error=0
                // XFAIL: a known bug
                class P { static void Main() { } }   // CHECK: ERROR: AddressSanitizer: x [[@LINE]]
                // CHECK-NOT: ERROR:
                """);
            var c = CaseFile.Load(file, dir);
            Assert.Equal(["a", "b c"], c.Arguments);
            Assert.Equal("halt_on_error=0", c.Environment["SHARPSAN_OPTIONS"]);
            Assert.Equal("a known bug", c.XFail);
            Assert.Equal(1, c.ExpectedExitCode);
            Assert.Equal(4, c.Checks[0].Line);
            Assert.Equal(DirectiveKind.CheckNot, c.Checks[1].Kind);
            Assert.Equal("Sample", c.Id);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
