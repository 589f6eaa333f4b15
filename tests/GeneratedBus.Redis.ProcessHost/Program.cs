using System;
using System.Threading.Tasks;

namespace GeneratedBus.Redis.ProcessHost;

/// <summary>
/// One process of the Redis fault tests. <c>producer</c> posts events through a publisher on its own queue and prints
/// its balance; <c>consumer</c> reads a group and records what it processed in a file (see each mode's options). The
/// last stdout line is the mode's stats as <c>key=value</c> pairs. Exit 0 when the run balanced, 1 when it did not,
/// 2 for bad arguments.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        try
        {
            var options = new HostArguments(args.AsSpan(Math.Min(1, args.Length)).ToArray());
            return args.Length == 0 ? Usage() : args[0] switch
            {
                "producer" => ProducerRun.Run(options),
                "consumer" => await ConsumerRun.RunAsync(options),
                _ => Usage(),
            };
        }
        catch (ArgumentException bad)
        {
            Console.Error.WriteLine(bad.Message);
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: producer --redis <config> --stream <name> --producer <id> --events <n> [--queue-capacity <n>] [--batch <n>] [--per-ms <n>] [--hold-at <n>]");
        Console.Error.WriteLine("       consumer --redis <config> --stream <name> --group <g> --consumer <c> --out <file> [--total <n>]");
        return 2;
    }
}
