using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>
/// Runs a scenario of tests/GeneratedBus.Runtime.Crashers (copied beside this assembly) in a child process, so a
/// regression that ends the process (an exception escaping a runtime thread) fails the test instead of the test host.
/// </summary>
internal static class ChildScenario
{
    // A guard that only a hang reaches: every wait inside a scenario has a far shorter deadline of its own.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    /// <summary>Fails unless the scenario exits 0 and prints its "ok" line; the failure shows both outputs.</summary>
    public static void AssertPasses(string scenario, params string[] args)
    {
        (int exitCode, string stdout, string stderr) = Run(scenario, args);
        Assert.True(
            exitCode == 0 && stdout.Trim() == $"ok: {scenario}",
            $"Scenario {scenario} exited with {exitCode}.\nstdout:\n{stdout}\nstderr:\n{stderr}");
    }

    /// <summary>
    /// Runs the scenario to its exit and returns what it printed after its "ok" line: what the process wrote as it
    /// exited (the process-exit hooks). Fails unless it exits 0 with that line first.
    /// </summary>
    public static string AssertPassesAndReturnsExitOutput(string scenario, params string[] args)
    {
        (int exitCode, string stdout, string stderr) = Run(scenario, args);
        string ok = $"ok: {scenario}";
        Assert.True(
            exitCode == 0 && stdout.StartsWith(ok, StringComparison.Ordinal),
            $"Scenario {scenario} exited with {exitCode}.\nstdout:\n{stdout}\nstderr:\n{stderr}");
        return stdout[ok.Length..].Trim();
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string scenario, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GeneratedBus.Runtime.Crashers.dll"));
        start.ArgumentList.Add(scenario);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        // A crash is the failure being tested for; it needs no dump.
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"The child for scenario {scenario} did not start.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Scenario {scenario} did not finish within {Deadline}; its process {process.Id} was killed.");
        }

        // The overload without a timeout also waits for the redirected outputs to be read to their end.
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
