using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>
/// A producer or consumer of tests/GeneratedBus.Redis.ProcessHost (built beside this assembly) as a real child process:
/// its stdout collected line by line, its stdin open for commands, killed with SIGKILL by <see cref="Kill"/> and by
/// <see cref="Dispose"/> if it is still running, so a failed test leaves no process behind.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();
    private readonly StringBuilder _errors = new();
    private readonly string _name;

    private HostProcess(string name, IEnumerable<string> args)
    {
        _name = name;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GeneratedBus.Redis.ProcessHost.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_lines) _lines.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_errors) _errors.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>A producer posting events 1..<paramref name="events"/> as <paramref name="producer"/>, with more host options.</summary>
    public static HostProcess Producer(RedisServer server, string stream, string producer, long events, params string[] options) =>
        new(producer, ["producer", "--redis", server.Configuration, "--stream", stream, "--producer", producer,
            "--events", Number(events), .. options]);

    /// <summary>A consumer recording into <paramref name="record"/>; it stops itself once the record holds <paramref name="total"/> (0: when told).</summary>
    public static HostProcess Consumer(
        RedisServer server, string stream, string group, string consumer, string record, long total = 0, params string[] options) =>
        new($"{group}/{consumer}", ["consumer", "--redis", server.Configuration, "--stream", stream, "--group", group,
            "--consumer", consumer, "--out", record, "--total", Number(total), .. options]);

    /// <summary>Waits for a stdout line starting with <paramref name="prefix"/> and returns it; fails after the deadline.</summary>
    public string WaitForLine(string prefix, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            lock (_lines)
            {
                string? line = _lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                if (line is not null) return line;
            }
            Assert.True(clock.Elapsed < deadline && !_process.HasExited, $"{_name} printed no '{prefix}' line within {deadline}. {Describe()}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Writes a line to the process's stdin (a producer holding goes on; a consumer stops).</summary>
    public void Send(string line)
    {
        Assert.False(_process.HasExited, $"{_name} exited with {(_process.HasExited ? _process.ExitCode : 0)} before it was sent '{line}'. {Describe()}");
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Waits for the process to exit 0 and returns its last line, the stats; fails (and kills it) after the deadline.</summary>
    public StatsLine WaitForStats(TimeSpan deadline)
    {
        if (!_process.WaitForExit(deadline))
        {
            Kill();
            Assert.Fail($"{_name} did not exit within {deadline}; killed. {Describe()}");
        }
        _process.WaitForExit();   // the overload without a timeout also waits for the outputs to be read to their end
        Assert.True(_process.ExitCode == 0, $"{_name} exited with {_process.ExitCode}. {Describe()}");
        lock (_lines) return StatsLine.Parse(_lines[^1]);
    }

    /// <summary>kill -9, and waits for the process to end.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(10)), $"{_name} did not end within 10 s of kill -9.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { Kill(); }
        finally { _process.Dispose(); }
    }

    private string Describe()
    {
        lock (_lines) lock (_errors) return $"stdout:\n{string.Join('\n', _lines)}\nstderr:\n{_errors}";
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
