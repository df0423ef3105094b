using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Worker.Tests;

public class WorkerTests
{
    static string WorkerPath => typeof(WorkerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WorkerPath").Value!;

    static ProcessStartInfo Worker(string mode) => new(Environment.ProcessPath!, [WorkerPath, mode])
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };

    [Fact]
    public void CleanChild_Passes()
    {
        using var child = Process.Start(Worker("clean"))!;
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Assert.Contains("worker clean done: 120", output);
        Assert.Equal(0, child.ExitCode);
    }

    [Fact]
    public void OverflowingChild_FailsThisTest()
    {
        using var child = Process.Start(Worker("overflow"))!;
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        // Not reached under sharpsan: the wait throws the child's finding into this test.
    }

    [Fact]
    public async Task CleanChild_StartedAsInstanceAndAwaited_Passes()
    {
        using var child = new Process { StartInfo = Worker("clean") };
        child.Start();
        string output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        Assert.Contains("worker clean done: 120", output);
    }

    [Fact]
    public async Task OverflowingChild_StartedAsInstanceAndAwaited_FailsThisTest()
    {
        using var child = new Process { StartInfo = Worker("overflow") };
        child.Start();
        await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
    }

    [Fact]
    public unsafe void OwnOverflow_FailsThisTest()
    {
        // The test's own bug, for comparison: under guard it faults here and fails the test at the Free below.
        byte* block = (byte*)NativeMemory.Alloc(16);
        for (int i = 0; i <= 16; i++) block[i] = 1;   // BUG-TEST-OVERFLOW
        NativeMemory.Free(block);
    }

    [Fact]
    public unsafe void OwnOverflow_ThenNoMoreAllocations_FailsThisTest()
    {
        // Under guard the fault is reported while this thread waits at the write; nothing after it calls the allocator,
        // so the test fails when it returns. (The block is not freed: a free would fail the test by itself.)
        byte* block = (byte*)NativeMemory.Alloc(24);
        for (int i = 0; i <= 24; i++) block[i] = 2;   // BUG-LAST-SYNC-OVERFLOW
    }

    [Fact]
    public async Task OwnOverflowAfterAwait_ThenNoMoreAllocations_FailsThisTest()
    {
        await Task.Yield();
        OverflowAndKeep();
    }

    static unsafe void OverflowAndKeep()
    {
        byte* block = (byte*)NativeMemory.Alloc(40);
        for (int i = 0; i <= 40; i++) block[i] = 3;   // BUG-LAST-ASYNC-OVERFLOW
    }

    [Fact]
    public void NoChild_Passes() => Assert.Equal(4, 2 + 2);

    /// <summary>On Linux a shell-executed executable (here the dotnet host) runs directly, with the start info's environment.</summary>
    static ProcessStartInfo ShellExecutedWorker(string mode) => new(Environment.ProcessPath!, $"\"{WorkerPath}\" {mode}") { UseShellExecute = true };

    [Fact]
    public void OverflowingChild_ShellExecuted_FailsThisTest()
    {
        using var child = Process.Start(ShellExecutedWorker("overflow"))!;
        child.WaitForExit();
    }

    [Fact]
    public void CleanChild_ShellExecuted_Passes()
    {
        using var child = Process.Start(ShellExecutedWorker("clean"))!;
        child.WaitForExit();
        Assert.Equal(0, child.ExitCode);
    }

    [Fact]
    public void UnwaitedChild_OutputRead_FailsThisTestAtItsEnd()
    {
        // Reads the child's output to its end and never waits for its exit: the child has written its finding by then.
        var child = Process.Start(Worker("unwaited"))!;
        child.StandardOutput.ReadToEnd();
    }

    [Fact]
    public void UnwaitedCleanChild_OutputRead_Passes()
    {
        var child = Process.Start(Worker("clean"))!;
        Assert.Contains("worker clean done: 120", child.StandardOutput.ReadToEnd());
    }

    [Fact]
    public async Task UnwaitedChild_OutputReadAsync_FailsThisTestWhenItsTaskCompletes()
    {
        // The async form: its task completes after the child wrote its finding, never having waited for its exit.
        var child = Process.Start(Worker("unwaited-task"))!;
        await child.StandardOutput.ReadToEndAsync();
    }

    [Fact]
    public async Task UnwaitedCleanChild_OutputReadAsync_Passes()
    {
        var child = Process.Start(Worker("clean"))!;
        Assert.Contains("worker clean done: 120", await child.StandardOutput.ReadToEndAsync());
    }

    [Fact]
    public void LateChild_NeverWaitedFor_Passes()
    {
        // Fire and forget: the child overflows two seconds after this test ended; the finding is outside tests, and the
        // results name this test as the one that started the child.
        Process.Start(Worker("late"))!.Dispose();
    }
}
