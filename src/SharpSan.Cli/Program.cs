using System.CommandLine;
using SharpSan.Cli.Commands;

namespace SharpSan.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("SharpSan: AddressSanitizer-style checking for .NET programs, by IL rewriting.")
        {
            InstrumentCommand.Create(),
            RunCommand.Create(),
            TestCommand.Create(),
            OptionsCommand.Create(),
            ChildCopyCommand.Create(),
            GuardStackCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
