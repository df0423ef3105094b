using System.Text.RegularExpressions;
using SharpSan.Runtime.Common.Options;

namespace SharpSan.Runtime.Tests.Options;

public sealed partial class OptionTableTests
{
    public static TheoryData<string> OptionNames => [.. OptionTable.All.Select(o => o.Name)];

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();

    [Fact]
    public void Names_AreUniqueLowerSnakeCase()
    {
        Assert.Equal(OptionTable.All.Count, OptionTable.All.Select(o => o.Name).Distinct().Count());
        foreach (var spec in OptionTable.All)
            Assert.Matches(SnakeCase(), spec.Name);
    }

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void Entry_HasHelpText(string name)
    {
        var spec = OptionTable.Find(name)!;
        Assert.False(string.IsNullOrWhiteSpace(spec.Help), $"{name} has no help");
    }

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void Entry_DefaultParsesAsItsOwnTypeAndIsWhatDefaultsReports(string name)
    {
        var spec = OptionTable.Find(name)!;

        var options = SanitizerOptions.Parse($"{spec.Name}={spec.Default}");

        switch (spec.Type)
        {
            case OptionType.Bool:
                Assert.Equal(SanitizerOptions.Defaults.GetBool(name), options.GetBool(name));
                Assert.Contains(spec.Default, new[] { "0", "1" });
                break;
            case OptionType.Int:
                Assert.Equal(long.Parse(spec.Default, System.Globalization.CultureInfo.InvariantCulture), options.GetInt(name));
                Assert.Equal(SanitizerOptions.Defaults.GetInt(name), options.GetInt(name));
                break;
            default:
                Assert.Equal(spec.Default, options.GetString(name));
                Assert.Equal(SanitizerOptions.Defaults.GetString(name), options.GetString(name));
                break;
        }
    }

    [Fact]
    public void Find_ReturnsTheEntryByExactNameAndNullOtherwise()
    {
        Assert.Same(OptionTable.All[0], OptionTable.Find(OptionTable.All[0].Name));
        Assert.Null(OptionTable.Find("HALT_ON_ERROR"));
        Assert.Null(OptionTable.Find("no_such_option"));
    }

    [Fact]
    public void KnownNames_ListsEveryEntry()
    {
        foreach (var spec in OptionTable.All)
            Assert.Contains(spec.Name, OptionTable.KnownNames);
    }
}
