using System;
using System.IO;
using System.Runtime.InteropServices;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>Linux only: the CPU time of one OS thread, from /proc, in clock ticks (usually 10 ms).</summary>
public static partial class ThreadCpu
{
    public static int CurrentThreadId() => gettid();

    public static long Ticks(int tid)
    {
        string stat = File.ReadAllText($"/proc/self/task/{tid}/stat");

        // Fields after the ")" that ends the thread name: state is field 3, utime 14 and stime 15.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int gettid();
}
