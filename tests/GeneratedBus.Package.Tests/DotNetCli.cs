using System;
using System.Diagnostics;
using System.Text;

namespace GeneratedBus.Package.Tests;

/// <summary>Runs the dotnet CLI and returns what it printed.</summary>
internal static class DotNetCli
{
    /// <summary>Runs the dotnet CLI, failing the test with its output when it fails.</summary>
    public static string Run(string workingDirectory, params string[] args) => Checked("dotnet", workingDirectory, args);

    /// <summary>Runs <paramref name="program"/>, failing the test with its output when it fails.</summary>
    internal static string Checked(string program, string workingDirectory, string[] args)
    {
        (int exitCode, string output) = Execute(program, workingDirectory, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {exitCode}:\n{output}");
        }

        return output;
    }

    /// <summary>Runs the dotnet CLI and returns its exit code and output, for tests that expect it to fail.</summary>
    public static (int ExitCode, string Output) RunToExit(string workingDirectory, params string[] args)
        => Execute("dotnet", workingDirectory, args);

    /// <summary>Runs <paramref name="program"/> with the environment a child dotnet build needs, to its exit or 5 minutes.</summary>
    internal static (int ExitCode, string Output) Execute(string program, string workingDirectory, string[] args)
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

        // The outer `dotnet test` sets MSBuild variables that would make the child build part of its own build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} took over 5 minutes:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
