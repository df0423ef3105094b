using System.CommandLine;
using Microsoft.Diagnostics.Runtime;

namespace SharpSan.Cli.Commands;

/// <summary>
/// <c>sharpsan guard-stack PID TID</c> (internal, started by guard mode's fault monitor): attaches to the process with
/// ClrMD while the thread TID is blocked at a faulting access, and prints that thread's frames innermost first, one per
/// line: <c>module path TAB method token TAB IL offset</c>, or <c>native TAB module+0xoffset</c> for the faulting
/// instruction when it is in native code; a line starting with <c>!</c> says why there is none.
/// A separate process, because the faulting thread cannot walk its own stack and the faulting process must not be
/// suspended from inside.
/// </summary>
internal static class GuardStackCommand
{
    public static Command Create()
    {
        var pid = new Argument<int>("pid");
        var tid = new Argument<int>("tid");
        var command = new Command("guard-stack", "Internal: print the managed stack of a thread blocked at a guard-page fault.") { pid, tid };
        command.Hidden = true;
        command.SetAction(r => Print(r.GetValue(pid), r.GetValue(tid)));
        return command;
    }

    /// <summary><c>guard-stack PID TID</c> exactly (what the runtime passes); anything else goes through the parser.</summary>
    public static bool TryRunDirectly(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args is not ["guard-stack", var pid, var tid] || !int.TryParse(pid, out int p) || !int.TryParse(tid, out int t)) return false;
        exitCode = Print(p, t);
        return true;
    }

    static int Print(int pid, int tid)
    {
        try
        {
            using var target = DataTarget.AttachToProcess(pid, suspend: true);
            var clr = target.ClrVersions.FirstOrDefault();
            if (clr is null)
            {
                Console.WriteLine("!no .NET runtime found in the process");
                return 1;
            }
            // The DAC sits beside libcoreclr.so (ClrMD's own search looks for it elsewhere on Linux).
            string dac = Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName) ?? "", "libmscordaccore.so");
            using var runtime = File.Exists(dac) ? clr.CreateRuntime(dac, ignoreMismatch: true) : clr.CreateRuntime();
            var thread = runtime.Threads.FirstOrDefault(t => t.OSThreadId == (uint)tid);
            if (thread is null)
            {
                Console.WriteLine($"!thread {tid} runs no managed code");
                return 1;
            }
            if (NativeTop(target, pid, tid, runtime) is { } native) Console.WriteLine("native\t" + native);
            bool top = true;
            string previous = "";
            foreach (var frame in thread.EnumerateStackTrace())
            {
                if (frame.Method is not { } method || method.Type?.Module?.Name is not { Length: > 0 } module) continue;
                if ((method.MetadataToken & 0xFFFFFF) == 0) continue;   // stubs the runtime generated
                // A caller's frame stands at its return address: the call is the instruction before it.
                ulong ip = top ? frame.InstructionPointer : frame.InstructionPointer - 1;
                top = false;
                string line = $"{module}\t{method.MetadataToken}\t{Math.Max(method.GetILOffset(ip), 0)}";
                if (line != previous) Console.WriteLine(line);   // a P/Invoke shows as its stub and its method: once
                previous = line;
            }
            return 0;
        }
        catch (Exception e)
        {
            Console.WriteLine($"!{e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The faulting instruction's module and offset when it is not in code the runtime knows (a C library's).</summary>
    static string? NativeTop(DataTarget target, int pid, int tid, ClrRuntime runtime)
    {
        Span<byte> context = stackalloc byte[1232];
        if (!target.DataReader.GetThreadContext((uint)tid, 0x10001F /* CONTEXT_ALL amd64 */, context)) return null;
        ulong rip = BitConverter.ToUInt64(context[0xF8..]);
        if (runtime.GetMethodByInstructionPointer(rip) is not null) return null;
        // The mapping that holds the instruction, from /proc/PID/maps: "start-end perms offset dev inode path".
        foreach (var line in File.ReadLines($"/proc/{pid}/maps"))
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var range = fields[0].Split('-');
            ulong start = Convert.ToUInt64(range[0], 16), end = Convert.ToUInt64(range[1], 16);
            if (rip < start || rip >= end) continue;
            ulong offset = rip - start + Convert.ToUInt64(fields[2], 16);
            return fields.Length == 6 ? $"{Path.GetFileName(fields[5].Trim())}+0x{offset:x}" : $"0x{rip:x}";
        }
        return $"0x{rip:x}";
    }
}
