using System;
using System.Collections.Generic;

namespace GeneratedBus.Runtime.Crashers;

/// <summary>
/// Runs the scenario named by the first argument (the rest are its own). Exit code 0 with "ok: name" on stdout when it
/// held; 1 with the reason on stderr when a check failed; 2 for an unknown name. A regression that ends the process
/// shows as any other code (134 for an unhandled exception on Linux).
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Action<string[]>> Scenarios = new(StringComparer.Ordinal)
    {
        ["loop-self-interrupt-while-idle"] = LoopScenarios.SelfInterruptWhileIdle,
        ["loop-interrupt-from-another-thread-while-idle"] = LoopScenarios.InterruptFromAnotherThreadWhileIdle,
        ["loop-interrupts-racing-posts"] = LoopScenarios.InterruptsRacingPosts,
        ["loop-throwing-logger-and-throwing-on-error"] = LoopScenarios.ThrowingLoggerAndThrowingOnError,
        ["bus-exit-without-stop"] = ExitScenarios.ExitWithoutStop,
    };

    private static int Main(string[] args)
    {
        if (args.Length == 0 || !Scenarios.TryGetValue(args[0], out Action<string[]>? scenario))
        {
            Console.Error.WriteLine($"Unknown scenario '{string.Join(' ', args)}'; known: {string.Join(", ", Scenarios.Keys)}.");
            return 2;
        }

        try
        {
            scenario(args[1..]);
        }
        catch (Exception failure)
        {
            // Thrown on this thread: a failed check, or the runtime throwing at the scenario. Either fails the scenario.
            Console.Error.WriteLine(failure);
            return 1;
        }

        Console.WriteLine($"ok: {args[0]}");
        return 0;
    }
}
