using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus.Tests.Shared;

/// <summary>
/// A built sample, run as a user runs it (<c>dotnet ShopWorker.dll ...</c>), with its output lines (stdout and stderr)
/// collected as they come. Shared by the sample test projects (linked, not referenced).
/// </summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private SampleProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Every line written so far, stdout and stderr together.</summary>
    public string Log
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Starts <c>dotnet {dll} {args}</c>, the sample's assembly being one of the test's output files.</summary>
    public static SampleProcess Start(string dll, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start };
        var sample = new SampleProcess(process);
        process.OutputDataReceived += (_, e) => sample.Add(e.Data);
        process.ErrorDataReceived += (_, e) => sample.Add(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"dotnet {dll} did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Waits until <paramref name="done"/> holds, checking every 20 ms; false once <paramref name="deadline"/> has passed or the process has exited.</summary>
    public bool WaitUntil(Func<bool> done, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > deadline || _process.HasExited)
            {
                return done();
            }

            Thread.Sleep(20);
        }

        return true;
    }

    /// <summary>Sends a POSIX signal, as <c>kill -TERM</c> or Ctrl+C (SIGINT) does.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the exit (and the last output lines); false if <paramref name="deadline"/> passed first.</summary>
    public bool WaitForExit(TimeSpan deadline)
    {
        if (!_process.WaitForExit(deadline))
        {
            return false;
        }

        _process.WaitForExit(); // flushes the asynchronous output readers
        return true;
    }

    /// <summary>kill -9: the process and its children end at once, with no shutdown code run.</summary>
    public void KillHard(TimeSpan deadline)
    {
        _process.Kill(entireProcessTree: true);
        Assert.True(_process.WaitForExit(deadline), $"the killed process did not end within {deadline}");
    }

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    /// <summary>The lines containing <paramref name="text"/>.</summary>
    public string[] LinesWith(string text)
    {
        lock (_lines)
        {
            return _lines.Where(l => l.Contains(text, StringComparison.Ordinal)).ToArray();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
