namespace SharpSan.Runtime.Common.Reporting;

/// <summary>Where report text goes: stderr, and `log_path.pid` appended and flushed as each finding occurs.</summary>
internal sealed class ReportSink(string logPath, int pid)
{
    readonly object _lock = new();
    readonly string? _logFile = string.IsNullOrEmpty(logPath) ? null : $"{logPath}.{pid}";

    public void Write(string text)
    {
        lock (_lock)
        {
            var stderr = Console.Error;
            stderr.Write(text);
            stderr.Flush();
            if (_logFile is not null)
            {
                try
                {
                    File.AppendAllText(_logFile, text);
                }
                catch (IOException e)
                {
                    stderr.WriteLine($"=={pid}==WARNING: SharpSan: could not write log_path file {_logFile}: {e.Message}");
                }
            }
        }
    }
}
