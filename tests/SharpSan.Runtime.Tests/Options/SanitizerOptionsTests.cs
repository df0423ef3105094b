using SharpSan.Runtime.Common.Options;

namespace SharpSan.Runtime.Tests.Options;

public sealed class SanitizerOptionsTests
{
    [Fact]
    public void Defaults_MatchAsanDefaults()
    {
        var options = SanitizerOptions.Defaults;

        Assert.True(options.HaltOnError);
        Assert.Equal(1, options.ExitCode(1));
        Assert.Equal(66, options.ExitCode(66));
        Assert.Equal("", options.LogPath);
        Assert.Equal(256L << 20, options.QuarantineBytes);
        Assert.Equal(16, options.Redzone);
        Assert.Equal(2048, options.MaxRedzone);
        Assert.Equal(30, options.MallocContextSize);
        Assert.True(options.DetectLeaks);
        Assert.Equal(0xbe, options.MallocFillByte);
        Assert.Equal(4096, options.MaxMallocFillSize);
        Assert.Equal("", options.Suppressions);
        Assert.True(options.PrintLegend);
        Assert.Equal(0, options.Verbosity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("::")]
    public void Parse_OfNothing_GivesTheDefaults(string? text)
    {
        var options = SanitizerOptions.Parse(text);
        foreach (var spec in OptionTable.All)
            Assert.Equal(SanitizerOptions.Defaults.GetString(spec.Name), options.GetString(spec.Name));
    }

    [Theory]
    [InlineData("halt_on_error=0:quarantine_size_mb=7:log_path=/tmp/ss")]
    [InlineData("halt_on_error=0 quarantine_size_mb=7 log_path=/tmp/ss")]
    [InlineData("  halt_on_error=0\tquarantine_size_mb=7\nlog_path=/tmp/ss ")]
    [InlineData("halt_on_error=0: quarantine_size_mb=7 :log_path=/tmp/ss")]
    public void Parse_AcceptsColonAndWhitespaceSeparatedPairs(string text)
    {
        var options = SanitizerOptions.Parse(text);

        Assert.False(options.HaltOnError);
        Assert.Equal(7L << 20, options.QuarantineBytes);
        Assert.Equal("/tmp/ss", options.LogPath);
        Assert.Equal(16, options.Redzone); // untouched options keep their defaults
    }

    [Fact]
    public void Parse_LaterPairsOverrideEarlierOnes()
    {
        Assert.Equal(9, SanitizerOptions.Parse("verbosity=1:verbosity=9").Verbosity);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    public void Parse_AcceptsBoolsAsZeroOneTrueOrFalse(string value, bool expected)
    {
        var options = SanitizerOptions.Parse($"detect_leaks={value}:print_legend={value}:halt_on_error={value}");

        Assert.Equal(expected, options.DetectLeaks);
        Assert.Equal(expected, options.PrintLegend);
        Assert.Equal(expected, options.HaltOnError);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("")]
    public void Parse_RejectsOtherBoolSpellings(string value)
    {
        var e = Assert.Throws<OptionsException>(() => SanitizerOptions.Parse($"detect_leaks={value}"));
        Assert.Contains("detect_leaks", e.Message);
    }

    [Theory]
    [InlineData("malloc_fill_byte=0xab", "malloc_fill_byte", 0xab)]
    [InlineData("malloc_fill_byte=0XAB", "malloc_fill_byte", 0xab)]
    [InlineData("max_malloc_fill_size=0x1000", "max_malloc_fill_size", 4096)]
    [InlineData("quarantine_size_mb=0x10", "quarantine_size_mb", 16)]
    [InlineData("redzone=64", "redzone", 64)]
    [InlineData("exitcode=-1", "exitcode", -1)]
    [InlineData("exitcode=23", "exitcode", 23)]
    public void Parse_AcceptsDecimalAndHexIntegers(string text, string name, long expected)
    {
        Assert.Equal(expected, SanitizerOptions.Parse(text).GetInt(name));
    }

    [Fact]
    public void Parse_OfHexFillByte_ReachesTheTypedProperty()
    {
        var options = SanitizerOptions.Parse("malloc_fill_byte=0x5a:quarantine_size_mb=0x2:exitcode=42");

        Assert.Equal(0x5a, options.MallocFillByte);
        Assert.Equal(2L << 20, options.QuarantineBytes);
        Assert.Equal(42, options.ExitCode(1));
    }

    [Theory]
    [InlineData("redzone=abc")]
    [InlineData("redzone=0x")]
    [InlineData("redzone=0xzz")]
    [InlineData("redzone=1.5")]
    [InlineData("redzone=")]
    public void Parse_RejectsNonIntegersForIntOptions(string text)
    {
        var e = Assert.Throws<OptionsException>(() => SanitizerOptions.Parse(text));
        Assert.Contains("redzone", e.Message);
    }

    [Theory]
    [InlineData("gc_stress=-1")]
    [InlineData("gc_stress=4294967296")]
    public void Parse_RejectsAGcStressRateOutsideZeroToIntMax(string text)
    {
        var e = Assert.Throws<OptionsException>(() => SanitizerOptions.Parse(text));
        Assert.Contains("gc_stress must be between 0 (off)", e.Message);
    }

    [Theory]
    [InlineData("race_detector=lockset")]
    [InlineData("race_detector=Hybrid")]
    [InlineData("race_detector=")]
    public void Parse_RejectsAnUnknownRaceDetector(string text)
    {
        var e = Assert.Throws<OptionsException>(() => SanitizerOptions.Parse(text));
        Assert.Contains("race_detector must be fasttrack or hybrid", e.Message);
    }

    [Theory]
    [InlineData("", "fasttrack")]
    [InlineData("race_detector=hybrid", "hybrid")]
    [InlineData("race_detector=fasttrack", "fasttrack")]
    public void Parse_ReadsTheRaceDetector(string text, string expected) =>
        Assert.Equal(expected, SanitizerOptions.Parse(text).GetString("race_detector"));

    [Fact]
    public void Parse_ReadsTheGcStressRate() => Assert.Equal(3, SanitizerOptions.Parse("gc_stress=3").GetInt("gc_stress"));

    [Fact]
    public void Parse_OfAnUnknownKey_ThrowsAndListsEveryKnownOption()
    {
        var e = Assert.Throws<OptionsException>(() => SanitizerOptions.Parse("halt_on_error=0:no_such_option=1"));

        Assert.Contains("no_such_option", e.Message);
        foreach (var spec in OptionTable.All)
            Assert.Contains(spec.Name, e.Message);
    }

    [Theory]
    [InlineData("halt_on_error")]
    [InlineData("=1")]
    [InlineData("verbosity=1:detect_leaks")]
    [InlineData("verbosity 1")]
    public void Parse_OfAPairWithoutKeyOrEquals_Throws(string text)
    {
        Assert.Throws<OptionsException>(() => SanitizerOptions.Parse(text));
    }

    [Fact]
    public void GetInt_OfAnUndeclaredName_Throws()
    {
        Assert.Throws<ArgumentException>(() => SanitizerOptions.Defaults.GetInt("no_such_option"));
    }
}
