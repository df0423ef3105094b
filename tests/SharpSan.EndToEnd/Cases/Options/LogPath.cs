// log_path: each report is also written to <log_path>.<pid> when it happens, not at exit; the
// program reads the file back while still running.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0:detect_leaks=0:log_path=%t/asan-log
using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        string log = Path.Combine(Path.GetDirectoryName(Environment.GetEnvironmentVariable("SHARPSAN_OPTIONS")!.Split("log_path=")[1])!,
            "asan-log." + Environment.ProcessId);
        byte* p = (byte*)NativeMemory.Alloc(4);
        p[5] = 1;
        string[] lines = File.ReadAllLines(log);
        Console.WriteLine("log has: " + lines.First(l => l.Contains("ERROR:")).Split("ERROR: ")[1]);
        Console.WriteLine("log summary: " + (lines.Any(l => l.StartsWith("SUMMARY: AddressSanitizer: heap-buffer-overflow")) ? "yes" : "no"));
        NativeMemory.Free(p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LogPath.cs:[[@LINE-8]]
// CHECK: log has: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: log summary: yes
