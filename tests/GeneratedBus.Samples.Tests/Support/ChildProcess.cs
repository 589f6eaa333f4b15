using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>Runs a program to its end and returns its exit code and both outputs.</summary>
internal static class ChildProcess
{
    public static SampleRun Run(string program, string workingDirectory, params string[] args)
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
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();

        // A generous bound that only a hang reaches; it is a guard, not a timing assertion.
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within 3 minutes");
        }

        return new SampleRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The main job's assembly, built beside this test assembly, run through the dotnet host.</summary>
    public static SampleRun SparkScheduler(string workingDirectory, params string[] args)
    {
        string dll = System.IO.Path.Combine(AppContext.BaseDirectory, "SparkScheduler.dll");
        return Run("dotnet", workingDirectory, [dll, .. args]);
    }
}
