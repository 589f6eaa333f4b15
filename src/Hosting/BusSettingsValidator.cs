using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace GeneratedBus.Hosting;

/// <summary>
/// Checks a bus's section at startup (<c>ValidateOnStart</c>), with messages that name the configuration key, so a
/// bad value stops the host before the bus is made. The ranges are the bus's own (see <see cref="BusOptions"/>).
/// </summary>
internal sealed class BusSettingsValidator<TBus, TListener, TEvent> : IValidateOptions<BusSettings>
    where TBus : LiveListenerBus<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly BusRegistrations<TBus, TListener, TEvent> _registrations;

    public BusSettingsValidator(BusRegistrations<TBus, TListener, TEvent> registrations)
    {
        _registrations = registrations;
    }

    public ValidateOptionsResult Validate(string? name, BusSettings options)
    {
        if (name != BusRegistrations<TBus, TListener, TEvent>.OptionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        Capacity(failures, nameof(BusSettings.QueueCapacity), options.QueueCapacity);
        FullMode(failures, nameof(BusSettings.QueueFullMode), options.QueueFullMode);
        foreach (KeyValuePair<string, QueueSettings> queue in options.Queues.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            string prefix = $"{nameof(BusSettings.Queues)}:{queue.Key}:";
            Capacity(failures, prefix + nameof(QueueSettings.Capacity), queue.Value.Capacity);
            FullMode(failures, prefix + nameof(QueueSettings.FullMode), queue.Value.FullMode);
        }

        Timeout(failures, nameof(BusSettings.ExitTimeout), options.ExitTimeout, allowZero: true);
        Timeout(failures, nameof(BusSettings.DropReportInterval), options.DropReportInterval, allowZero: false);
        Timeout(failures, nameof(BusSettings.SlowEventThreshold), options.SlowEventThreshold, allowZero: true);
        if (options.MaxTimedListenerTypes is < 0)
        {
            failures.Add($"{Key(nameof(BusSettings.MaxTimedListenerTypes))} must be 0 or more; it is {options.MaxTimedListenerTypes}.");
        }

        Capacity(failures, nameof(BusSettings.StartBufferCapacity), options.StartBufferCapacity);
        if (options.Name is { Length: 0 })
        {
            failures.Add($"{Key(nameof(BusSettings.Name))} must not be empty; leave it out for the bus's type name.");
        }

        UnknownListeners(failures, options.Listeners);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void UnknownListeners(List<string> failures, List<string> names)
    {
        string[] known = _registrations.KnownNames.ToArray();
        for (int i = 0; i < names.Count; i++)
        {
            if (!known.Contains(names[i], StringComparer.Ordinal))
            {
                string knownList = known.Length == 0 ? "none (register them with AddNamedListener)" : string.Join(", ", known);
                failures.Add($"{Key($"{nameof(BusSettings.Listeners)}:{i}")} names listener '{names[i]}', which {typeof(TBus).Name} does not know; known names: {knownList}.");
            }
        }
    }

    private void Capacity(List<string> failures, string key, int? value)
    {
        if (value is int capacity && (capacity < 1 || capacity > BusOptions.MaxQueueCapacity))
        {
            failures.Add($"{Key(key)} must be between 1 and {BusOptions.MaxQueueCapacity}; it is {capacity}.");
        }
    }

    private void FullMode(List<string> failures, string key, QueueFullMode? value)
    {
        if (value is QueueFullMode mode && mode is not (QueueFullMode.DropWrite or QueueFullMode.Wait))
        {
            failures.Add($"{Key(key)} must be DropWrite or Wait; it is {(int)mode}.");
        }
    }

    private void Timeout(List<string> failures, string key, TimeSpan? value, bool allowZero)
    {
        if (value is not TimeSpan span || span == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        bool ok = (span > TimeSpan.Zero || (allowZero && span == TimeSpan.Zero)) && span.TotalMilliseconds <= int.MaxValue;
        if (!ok)
        {
            string range = allowZero ? "zero or more" : "more than zero";
            failures.Add($"{Key(key)} must be {range} (at most {int.MaxValue} ms), or -00:00:00.001 for no limit; it is {span}.");
        }
    }

    private string Key(string key) => _registrations.Key(key);
}
