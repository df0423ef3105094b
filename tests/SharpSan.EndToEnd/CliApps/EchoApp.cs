// Used by CliTests: echoes its arguments and one line of stdin; `EchoApp throw` dies of an unhandled exception.
using System;

static class Program
{
    static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "throw") throw new InvalidOperationException("unhandled on purpose");
        Console.WriteLine("args=" + string.Join("|", args));
        Console.WriteLine("stdin=" + Console.In.ReadLine());
        return 0;
    }
}
