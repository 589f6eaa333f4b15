using System;
using System.Collections.Generic;
using System.IO;

namespace SparkStreaming;

/// <summary>The program, callable in-process: parse the options, run, print the report.</summary>
public static class StreamingApp
{
    /// <summary>Exit code of a run that finished.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a bad command line.</summary>
    public const int BadArguments = 2;

    /// <summary>Runs the sample.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where errors and usage after an error go.</param>
    /// <returns><see cref="Success"/>, or <see cref="BadArguments"/> with the usage on <paramref name="stderr"/>.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!StreamingOptions.TryParse(args, out StreamingOptions? options, out string? error))
        {
            stderr.WriteLine($"error: {error}");
            stderr.WriteLine();
            stderr.WriteLine(StreamingOptions.Usage);
            return BadArguments;
        }

        if (options.Help)
        {
            stdout.WriteLine(StreamingOptions.Usage);
            return Success;
        }

        using var context = new StreamingContext(options);
        context.Run();
        StreamingReport.Write(context, stdout);
        return Success;
    }
}
