using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>Runs a program to its end and returns its exit code and both outputs; or starts it, to be waited for later.</summary>
internal sealed class ChildProcess : IDisposable
{
    // A generous bound that only a hang reaches; it is a guard, not a timing assertion.
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly string _command;

    private ChildProcess(string program, string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _command = $"{program} {string.Join(' ', args)}";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public static SampleRun Run(string program, string workingDirectory, params string[] args)
    {
        using var child = new ChildProcess(program, workingDirectory, args);
        return child.WaitForExit();
    }

    /// <summary>The main job's assembly, built beside this test assembly, run through the dotnet host.</summary>
    public static SampleRun SparkScheduler(string workingDirectory, params string[] args)
    {
        using ChildProcess child = StartSparkScheduler(workingDirectory, args);
        return child.WaitForExit();
    }

    /// <summary>Starts the main job's assembly and returns at once; <see cref="WaitForExit"/> collects its end.</summary>
    public static ChildProcess StartSparkScheduler(string workingDirectory, params string[] args)
    {
        string dll = System.IO.Path.Combine(AppContext.BaseDirectory, "SparkScheduler.dll");
        return new ChildProcess("dotnet", workingDirectory, [dll, .. args]);
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the end (killing the process after the hang bound) and returns its exit code and outputs.</summary>
    public SampleRun WaitForExit()
    {
        if (!_process.WaitForExit(HangBound))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{_command} did not finish within {HangBound.TotalMinutes} minutes");
        }

        return new SampleRun(_process.ExitCode, _stdout.Result, _stderr.Result);
    }

    /// <summary>Kills the process if a failed test left it running, then releases it.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
