using System;
using System.Collections.Generic;
using System.Threading;

namespace GeneratedBus;

/// <summary>Checks <see cref="BusOptions"/> once, in the bus constructor, with messages that name the option.</summary>
internal static class BusOptionsValidation
{
    /// <summary>Returns <paramref name="options"/> (or new defaults) after checking every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public static BusOptions Validate(BusOptions? options)
    {
        options ??= new BusOptions();
        CheckCapacity(options.QueueCapacity, nameof(BusOptions.QueueCapacity));
        CheckPerQueue(options.QueueCapacities, nameof(BusOptions.QueueCapacities), CheckCapacity);
        CheckFullMode(options.QueueFullMode, nameof(BusOptions.QueueFullMode));
        CheckPerQueue(options.QueueFullModes, nameof(BusOptions.QueueFullModes), CheckFullMode);

        CheckTimeout(options.ExitTimeout, nameof(BusOptions.ExitTimeout), allowZero: true);
        CheckTimeout(options.DropReportInterval, nameof(BusOptions.DropReportInterval), allowZero: false);
        CheckTimeout(options.SlowEventThreshold, nameof(BusOptions.SlowEventThreshold), allowZero: true);
        if (options.MaxTimedListenerTypes < 0)
        {
            throw Invalid($"{nameof(BusOptions.MaxTimedListenerTypes)} must be 0 or more; it is {options.MaxTimedListenerTypes}.");
        }

        if (options.StartBufferCapacity is int buffer)
        {
            CheckCapacity(buffer, nameof(BusOptions.StartBufferCapacity));
        }

        if (options.TimeProvider is null)
        {
            throw Invalid($"{nameof(BusOptions.TimeProvider)} must not be null; use TimeProvider.System.");
        }

        // Timers divide by it: zero would throw from GetStats, and a negative one makes every call count as slow.
        long frequency = options.TimeProvider.TimestampFrequency;
        if (frequency <= 0)
        {
            throw Invalid($"{nameof(BusOptions.TimeProvider)}.{nameof(TimeProvider.TimestampFrequency)} must be more than zero; it is {frequency}.");
        }

        return options;
    }

    /// <summary>Checks a queue name given to <c>AddToQueue</c>.</summary>
    public static void CheckQueueName(string queue)
    {
        if (queue is null)
        {
            throw new ArgumentNullException(nameof(queue), "The queue name must not be null.");
        }

        if (queue.Length == 0)
        {
            throw new ArgumentException("The queue name must not be empty.", nameof(queue));
        }
    }

    /// <summary>Checks each per-queue override: a non-empty queue name and a value <paramref name="check"/> accepts.</summary>
    private static void CheckPerQueue<T>(IDictionary<string, T> overrides, string option, Action<T, string> check)
    {
        foreach (KeyValuePair<string, T> pair in overrides)
        {
            if (string.IsNullOrEmpty(pair.Key))
            {
                throw Invalid($"{option} has an empty queue name.");
            }

            check(pair.Value, $"{option}[\"{pair.Key}\"]");
        }
    }

    private static void CheckFullMode(QueueFullMode value, string name)
    {
        // A cast int is the only way to get here with another value; named members, no reflection (AOT).
        if (value is not (QueueFullMode.DropWrite or QueueFullMode.Wait))
        {
            throw Invalid($"{name} must be QueueFullMode.DropWrite or QueueFullMode.Wait; it is {(int)value}.");
        }
    }

    private static void CheckCapacity(int value, string name)
    {
        if (value < 1 || value > BoundedRing<object>.MaxCapacity)
        {
            throw Invalid($"{name} must be between 1 and {BoundedRing<object>.MaxCapacity}; it is {value}.");
        }
    }

    private static void CheckTimeout(TimeSpan value, string name, bool allowZero)
    {
        bool ok = value == Timeout.InfiniteTimeSpan || value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero);
        if (!ok || (value != Timeout.InfiniteTimeSpan && value.TotalMilliseconds > int.MaxValue))
        {
            string range = allowZero ? "zero or more" : "more than zero";
            throw Invalid($"{name} must be {range} (at most {int.MaxValue} ms) or Timeout.InfiniteTimeSpan; it is {value}.");
        }
    }

    private static ArgumentException Invalid(string message) => new("BusOptions." + message, "options");
}
