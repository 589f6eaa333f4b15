using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SparkStreaming;

/// <summary>The command line: how many batches to simulate and with which seed.</summary>
public sealed record StreamingOptions
{
    /// <summary>The most batches a run may simulate.</summary>
    public const int MaxBatches = 100_000;

    /// <summary>What <c>--help</c> prints, and what follows an error.</summary>
    public const string Usage = """
        usage: dotnet run --project samples/Streaming -c Release -- [options]

        Simulates a Spark Streaming application: streaming events ride on the main bus's appStatus queue,
        wrapped, and a bridge listener delivers them to the streaming listeners.

          --batches N   micro-batches to simulate, 1 to 100000 (default 200)
          --seed N      random seed of the simulated input (default 42)
          --help        print this and exit
        """;

    /// <summary>Micro-batches to simulate.</summary>
    public int Batches { get; init; } = 200;

    /// <summary>The random seed of the simulated input.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Whether <c>--help</c> was given.</summary>
    public bool Help { get; init; }

    /// <summary>Reads the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="options">The options, when they parse.</param>
    /// <param name="error">What is wrong with them, when they do not.</param>
    /// <returns>Whether they parse.</returns>
    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out StreamingOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        var parsed = new StreamingOptions();
        options = null;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h")
            {
                parsed = parsed with { Help = true };
                continue;
            }

            if (name is not ("--batches" or "--seed"))
            {
                error = $"unknown option '{name}'";
                return false;
            }

            if (i + 1 == args.Count)
            {
                error = $"{name} needs a value";
                return false;
            }

            string value = args[++i];
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
            {
                error = $"{name} wants a whole number, not '{value}'";
                return false;
            }

            if (name == "--seed")
            {
                parsed = parsed with { Seed = number };
            }
            else if (number is < 1 or > MaxBatches)
            {
                error = $"--batches must be between 1 and {MaxBatches}, not {number}";
                return false;
            }
            else
            {
                parsed = parsed with { Batches = number };
            }
        }

        options = parsed;
        error = null;
        return true;
    }
}
