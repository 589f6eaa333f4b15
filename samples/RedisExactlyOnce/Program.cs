using System;
using RedisExactlyOnce;

// Exactly-once effects across a consumer crash, on a Redis stream (see README.md, "Across processes: Redis Streams").
//   dotnet run --project samples/RedisExactlyOnce -- produce --redis 127.0.0.1:6390 --producer p1 --count 1000
//   dotnet run --project samples/RedisExactlyOnce -- consume --redis 127.0.0.1:6390 --db ledger.db --until 1000
try
{
    var line = new CommandLine(args.AsSpan(Math.Min(1, args.Length)).ToArray());
    return args.Length == 0 ? Usage()
        : args[0] switch
        {
            "produce" => ProduceCommand.Run(line),
            "consume" => await ConsumeCommand.RunAsync(line),
            _ => Usage(),
        };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: RedisExactlyOnce produce --redis host:port --producer <id> --count <n> [--stream ledger]
               RedisExactlyOnce consume --redis host:port --db <file> [--until <effects>] [--stall-after <n>]
                                        [--stream ledger] [--group ledger] [--consumer ledger-1] [--batch 64]
        """);
    return 2;
}
