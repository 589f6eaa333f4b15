using System.Collections.Generic;

namespace SparkScheduler.Cli;

/// <summary>The value of a subcommand's option: <c>--name=value</c>, or the next argument.</summary>
internal static class ArgumentValue
{
    /// <param name="args">The arguments.</param>
    /// <param name="i">The option's index; moved past the value when it is the next argument.</param>
    /// <param name="name">The option's name, for the message.</param>
    /// <param name="eq">Where the option's <c>=</c> is, or a negative number.</param>
    /// <exception cref="UsageException">The option is the last argument and has no <c>=</c>.</exception>
    public static string Of(IReadOnlyList<string> args, ref int i, string name, int eq)
    {
        if (eq > 0)
        {
            return args[i][(eq + 1)..];
        }

        return i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value.");
    }

    /// <summary>Like <see cref="Of"/>, and the value may not be empty.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="i">The option's index.</param>
    /// <param name="name">The option's name.</param>
    /// <param name="eq">Where the option's <c>=</c> is.</param>
    /// <param name="what">What the option needs, for the message: "a folder".</param>
    /// <exception cref="UsageException">No value, or an empty one.</exception>
    public static string NotEmpty(IReadOnlyList<string> args, ref int i, string name, int eq, string what)
    {
        string value = Of(args, ref i, name, eq);
        return value.Length > 0 ? value : throw new UsageException($"{name} needs {what}.");
    }
}
