using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Hosting;

/// <summary>Checks a hosted publisher's section at startup (<c>ValidateOnStart</c>), naming the key of each bad value.</summary>
internal sealed class RedisPublisherSettingsValidator(string optionsName, string section, IServiceProviderIsService services)
    : IValidateOptions<RedisPublisherSettings>
{
    public ValidateOptionsResult Validate(string? name, RedisPublisherSettings s)
    {
        if (name != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new SettingsFailures(section);
        failures.Connection(s.ConnectionString, services.IsService(typeof(IConnectionMultiplexer)));
        failures.Require(!string.IsNullOrEmpty(s.StreamName), nameof(s.StreamName), "must not be empty", s.StreamName);
        failures.Require(s.ProducerId is not { Length: 0 }, nameof(s.ProducerId), "must not be empty; leave it out for host:pid:random", s.ProducerId);
        failures.Require(s.Capacity >= 1, nameof(s.Capacity), "must be at least 1", s.Capacity);
        failures.Require(s.BatchSize >= 1, nameof(s.BatchSize), "must be at least 1", s.BatchSize);
        failures.Require(s.Linger >= TimeSpan.Zero, nameof(s.Linger), "must be zero or more", s.Linger);
        failures.Require(s.MinRetryDelay > TimeSpan.Zero, nameof(s.MinRetryDelay), "must be more than zero", s.MinRetryDelay);
        failures.Require(s.MaxRetryDelay >= s.MinRetryDelay, nameof(s.MaxRetryDelay), $"must be at least MinRetryDelay ({s.MinRetryDelay})", s.MaxRetryDelay);
        failures.Require(s.DisposeTimeout >= TimeSpan.Zero, nameof(s.DisposeTimeout), "must be zero or more", s.DisposeTimeout);
        return failures.Result();
    }
}

/// <summary>Checks a hosted subscriber's section at startup (<c>ValidateOnStart</c>), naming the key of each bad value.</summary>
internal sealed class RedisSubscriberSettingsValidator(string optionsName, string section, IServiceProviderIsService services)
    : IValidateOptions<RedisSubscriberSettings>
{
    public ValidateOptionsResult Validate(string? name, RedisSubscriberSettings s)
    {
        if (name != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new SettingsFailures(section);
        failures.Connection(s.ConnectionString, services.IsService(typeof(IConnectionMultiplexer)));
        failures.Require(!string.IsNullOrEmpty(s.StreamName), nameof(s.StreamName), "must not be empty", s.StreamName);
        failures.Require(!string.IsNullOrEmpty(s.Group), nameof(s.Group), "must not be empty", s.Group);
        failures.Require(!string.IsNullOrEmpty(s.Consumer), nameof(s.Consumer), "must not be empty", s.Consumer);
        failures.Require(s.BatchSize >= 1, nameof(s.BatchSize), "must be at least 1", s.BatchSize);
        failures.Require(s.MaxPollDelay > TimeSpan.Zero, nameof(s.MaxPollDelay), "must be more than zero", s.MaxPollDelay);
        failures.Require(s.ClaimIdleTime >= TimeSpan.Zero, nameof(s.ClaimIdleTime), "must be zero or more", s.ClaimIdleTime);
        failures.Require(s.ClaimInterval > TimeSpan.Zero, nameof(s.ClaimInterval), "must be more than zero", s.ClaimInterval);
        failures.Require(s.MaxStartRetryDelay > TimeSpan.Zero, nameof(s.MaxStartRetryDelay), "must be more than zero", s.MaxStartRetryDelay);
        return failures.Result();
    }
}
