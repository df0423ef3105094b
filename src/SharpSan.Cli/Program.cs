using System.CommandLine;
using SharpSan.Cli.Commands;

namespace SharpSan.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // The guard fault monitor starts this while a thread of the checked program waits at its faulting access:
        // answered without building the command tree (a third of the helper's start-up).
        if (GuardStackCommand.TryRunDirectly(args, out int exitCode)) return exitCode;
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
