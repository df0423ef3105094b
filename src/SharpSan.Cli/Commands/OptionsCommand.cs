using System.CommandLine;
using SharpSan.Runtime.Common.Options;

namespace SharpSan.Cli.Commands;

/// <summary><c>sharpsan options</c>: the SHARPSAN_OPTIONS table, from the same declaration the runtime parses.</summary>
internal static class OptionsCommand
{
    public static Command Create()
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print as a markdown table (for the README)." };
        var command = new Command("options", "List the SHARPSAN_OPTIONS keys, their defaults and meaning.") { markdown };
        command.SetAction(result =>
        {
            bool md = result.GetValue(markdown);
            if (md) Console.WriteLine("| option | default | meaning |\n|---|---|---|");
            foreach (var o in OptionTable.All)
                Console.WriteLine(md ? $"| `{o.Name}` | `{o.DefaultText}` | {o.Help} |" : $"{o.Name,-22} {o.DefaultText,-6} {o.Help}");
            return 0;
        });
        return command;
    }
}
