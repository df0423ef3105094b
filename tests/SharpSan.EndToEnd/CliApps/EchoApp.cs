// Used by CliTests: echoes its arguments and one line of stdin; `EchoApp throw` dies of an unhandled exception;
// `EchoApp env NAME` prints the value of one environment variable.
using System;

static class Program
{
    static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "throw") throw new InvalidOperationException("unhandled on purpose");
        if (args.Length == 2 && args[0] == "env")
        {
            Console.WriteLine(args[1] + "=" + (Environment.GetEnvironmentVariable(args[1]) ?? "(unset)"));
            return 0;
        }
        Console.WriteLine("args=" + string.Join("|", args));
        Console.WriteLine("stdin=" + Console.In.ReadLine());
        return 0;
    }
}
