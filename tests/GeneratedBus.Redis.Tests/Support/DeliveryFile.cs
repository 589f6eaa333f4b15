using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using GeneratedBus.Redis.Subscribing;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>Reads a consumer process's record ("producer sequence redelivered" per line) as deliveries, in order.</summary>
public static class DeliveryFile
{
    public static List<RedisDelivery> Read(string path) => !File.Exists(path) ? [] : File.ReadAllText(path)
        .Split('\n')
        .SkipLast(1)   // after the last newline: nothing, or a line still being written
        .Select(line => line.Split(' '))
        .Select(parts => new RedisDelivery(parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), "", parts[2] == "1"))
        .ToList();
}
