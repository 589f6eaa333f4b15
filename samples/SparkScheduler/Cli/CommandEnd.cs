using System;
using System.IO;
using SparkScheduler.Reporting;

namespace SparkScheduler.Cli;

/// <summary>How the job, <c>replay</c> and <c>history</c> end on bad arguments or on a bug: the same words and exit codes.</summary>
internal static class CommandEnd
{
    /// <summary>Bad arguments: the reason, a blank line and the usage on stderr.</summary>
    /// <returns><see cref="SparkSchedulerApp.BadArguments"/>.</returns>
    public static int BadArguments(TextWriter stderr, UsageException e, string usage)
    {
        stderr.WriteLine("error: " + e.Message);
        stderr.WriteLine();
        stderr.Write(usage);
        return SparkSchedulerApp.BadArguments;
    }

    /// <summary>A bug, not bad input: says so plainly first, then gives the whole exception for diagnosis.</summary>
    /// <param name="stderr">Where it goes.</param>
    /// <param name="what">What failed, as the sentence's subject: "the run", "the replay".</param>
    /// <param name="e">The exception.</param>
    /// <returns><see cref="SparkSchedulerApp.Failure"/>.</returns>
    public static int Unexpected(TextWriter stderr, string what, Exception e)
    {
        stderr.WriteLine($"error: {what} failed unexpectedly ({e.GetType().Name}: {TerminalText.Safe(e.Message)}). Details follow.");
        stderr.WriteLine(e);
        return SparkSchedulerApp.Failure;
    }
}
