// Starts child processes: `ParentApp <child.dll> <mode>`; modes: overflow, race, clean (ChildApp's modes),
// chain (starts ParentApp again, which starts ChildApp overflow), shell (a non-.NET child), kill (kills a sleeping child),
// shellexec (ChildApp overflow started with UseShellExecute=true), exec (`dotnet exec ChildApp.dll overflow`), apphost
// (ChildApp's native launcher, the file beside ChildApp.dll without its extension, run with overflow), dotnetrun
// (`dotnet run --project <dir> -- overflow`, <dir> given instead of the dll: the SDK builds ChildApp in the child).
using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Main(string[] args)
    {
        string child = args[0], mode = args[1];
        int code = mode switch
        {
            "chain" => Start("dotnet", Environment.GetCommandLineArgs()[0], child, "overflow"),
            "shell" => Start("/bin/sh", "-c", "echo from the shell; exit 3"),
            "kill" => StartAndKill(child),
            "shellexec" => Start("dotnet", shellExecute: true, child, "overflow"),
            "exec" => Start("dotnet", "exec", child, "overflow"),
            "apphost" => Start(Path.ChangeExtension(child, null), "overflow"),
            "dotnetrun" => Start("dotnet", "run", "--project", child, "--", "overflow"),
            _ => Start("dotnet", child, mode),
        };
        Console.WriteLine($"parent {Environment.ProcessId}: {mode} child exited with {code}");
        byte* p = (byte*)NativeMemory.Alloc(4);
        p[0] = 1;
        NativeMemory.Free(p);
        return 0;
    }

    static int Start(string file, params string[] arguments) => Start(file, shellExecute: false, arguments);

    static int Start(string file, bool shellExecute, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = shellExecute };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    static int StartAndKill(string child)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(child);
        start.ArgumentList.Add("sleep");
        using var process = Process.Start(start)!;
        Console.WriteLine(process.StandardOutput.ReadLine());   // the child is running (checked) before it is killed
        process.Kill();
        process.WaitForExit();
        return process.ExitCode;
    }
}
