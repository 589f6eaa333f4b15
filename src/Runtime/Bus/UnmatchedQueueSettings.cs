using System;
using System.Collections.Generic;
using System.Linq;

namespace GeneratedBus;

/// <summary>
/// The keys of <see cref="BusOptions.QueueCapacities"/> and <see cref="BusOptions.QueueFullModes"/> that name no queue
/// the bus has had: a typo there is otherwise silently ignored. Warned about at Start, and again at Stop for the keys
/// still unmatched (a queue may be created after Start).
/// </summary>
internal sealed class UnmatchedQueueSettings
{
    private readonly BusContext _context;
    private readonly string[] _capacityKeys;
    private readonly string[] _fullModeKeys;

    /// <param name="context">The bus's logger and name.</param>
    /// <param name="options">The validated options, whose keys are copied now.</param>
    public UnmatchedQueueSettings(BusContext context, BusOptions options)
    {
        _context = context;
        _capacityKeys = options.QueueCapacities.Keys.Order(StringComparer.Ordinal).ToArray();
        _fullModeKeys = options.QueueFullModes.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Hands a warning per option with unmatched keys to the log pump; never blocks.</summary>
    /// <param name="hasHad">Whether the bus has had a queue of that name.</param>
    /// <param name="when">"at Start" or "at Stop", for the message.</param>
    public void Report(Func<string, bool> hasHad, string when)
    {
        Report(nameof(BusOptions.QueueCapacities), _capacityKeys, hasHad, when);
        Report(nameof(BusOptions.QueueFullModes), _fullModeKeys, hasHad, when);
    }

    private void Report(string option, string[] keys, Func<string, bool> hasHad, string when)
    {
        string[] unmatched = Array.FindAll(keys, k => !hasHad(k));
        if (unmatched.Length > 0)
        {
            string names = string.Join(", ", unmatched);
            _context.LogPump.Write(() => _context.Logger.UnmatchedQueueSettings(_context.Name, option, names, when));
        }
    }
}
