using System;
using System.Globalization;
using SparkScheduler.Cli;

namespace SparkScheduler.Redis;

/// <summary>Where Redis listens, as <c>--redis host:port</c> gives it: one server, no StackExchange.Redis option string.</summary>
/// <param name="Host">The host name or address.</param>
/// <param name="Port">The TCP port, 1 to 65535.</param>
internal sealed record RedisAddress(string Host, int Port)
{
    /// <summary>Parses <c>host:port</c> (an IPv6 host in brackets: <c>[::1]:6379</c>).</summary>
    /// <exception cref="UsageException">No port, a port that is not 1 to 65535, an empty host, or option text (a comma or space).</exception>
    public static RedisAddress Parse(string value)
    {
        int colon = value.LastIndexOf(':');
        string host = colon > 0 ? value[..colon] : "";
        string port = colon >= 0 ? value[(colon + 1)..] : "";
        bool ok = host.Length > 0 && value.AsSpan().IndexOfAny(", ") < 0
            && (!host.Contains(':', StringComparison.Ordinal) || (host.StartsWith('[') && host.EndsWith(']')))
            && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number is >= 1 and <= 65535;
        return ok
            ? new RedisAddress(host, int.Parse(port, CultureInfo.InvariantCulture))
            : throw new UsageException($"--redis needs host:port, such as 127.0.0.1:6379, not '{value}'.");
    }

    /// <summary>How long the first connection may take.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The StackExchange.Redis configuration: the first connection must succeed within a few seconds (so a wrong
    /// address is reported at once); after that the connection re-establishes itself.
    /// </summary>
    public string Configuration => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port},abortConnect=true,connectTimeout={ConnectTimeout.TotalMilliseconds},connectRetry=1");

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
