using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Hosting;

/// <summary>The failures of one settings check, each naming the full configuration key.</summary>
internal sealed class SettingsFailures(string section)
{
    private readonly List<string> _messages = new();

    /// <summary>Adds "<c>{section}:{key} {rule}; it is {value}.</c>" unless <paramref name="ok"/>.</summary>
    public void Require(bool ok, string key, string rule, object? value)
    {
        if (!ok)
        {
            _messages.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:{key} {rule}; it is {(value is null ? "missing" : $"'{value}'")}."));
        }
    }

    /// <summary>A connection string that StackExchange.Redis can parse, or none when DI has a connection.</summary>
    public void Connection(string? connectionString, bool multiplexerInDi)
    {
        if (connectionString is null)
        {
            Require(multiplexerInDi, "ConnectionString", "is required when no IConnectionMultiplexer is registered in DI", null);
            return;
        }

        try
        {
            ConfigurationOptions parsed = ConfigurationOptions.Parse(connectionString);
            Require(parsed.EndPoints.Count > 0, "ConnectionString", "must name a server (host:port)", connectionString);
        }
        catch (ArgumentException ex)
        {
            _messages.Add($"{section}:ConnectionString is not a StackExchange.Redis configuration ({ex.Message}).");
        }
    }

    public ValidateOptionsResult Result() => _messages.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_messages);
}
