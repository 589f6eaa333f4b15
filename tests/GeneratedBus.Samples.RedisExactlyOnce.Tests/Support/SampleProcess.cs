using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace GeneratedBus.Samples.RedisExactlyOnce.Tests.Support;

/// <summary>The built sample, run as a user runs it (<c>dotnet RedisExactlyOnce.dll ...</c>), its output lines collected as they come.</summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private SampleProcess(Process process) => _process = process;

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

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    public static SampleProcess Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RedisExactlyOnce.dll"));
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
            throw new InvalidOperationException("dotnet RedisExactlyOnce.dll did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Waits until <paramref name="done"/> holds, checking every 20 ms; false once the deadline passed or the process exited.</summary>
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
}
