using System;
using System.Collections.Generic;

namespace GeneratedBus;

/// <summary>
/// Each queue's <see cref="QueueFullMode"/>, copied from validated <see cref="BusOptions"/> when the bus is built, so
/// later changes to the options object do not reach a live bus.
/// </summary>
internal sealed class QueueFullModeMap
{
    private readonly QueueFullMode _default;
    private readonly Dictionary<string, QueueFullMode> _overrides;

    public QueueFullModeMap(BusOptions options)
    {
        _default = options.QueueFullMode;
        _overrides = new Dictionary<string, QueueFullMode>(options.QueueFullModes, StringComparer.Ordinal);
    }

    /// <summary>The mode of the named queue: its override, else the bus-wide default.</summary>
    public QueueFullMode Of(string queue) => _overrides.TryGetValue(queue, out QueueFullMode mode) ? mode : _default;
}
