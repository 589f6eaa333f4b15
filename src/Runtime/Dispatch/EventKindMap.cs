using System;
using System.ComponentModel;
using System.Numerics;

namespace GeneratedBus;

/// <summary>
/// Maps an event's exact runtime type to the small integer kind the generated dispatcher switches on, in constant
/// time whatever the number of event types, so that the last-declared event costs what the first does.
/// </summary>
/// <remarks>
/// Used by generated code. Keys are type handles, compared by identity; no reflection is involved. The table is an
/// open-addressing hash of at least four slots per type, so a lookup almost always ends at its first probe.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EventKindMap
{
    private readonly nint[] _keys;
    private readonly int[] _kinds;
    private readonly int _shift;

    /// <summary>Builds the map; <paramref name="types"/>[i] gets kind <c>i + 1</c> (kind 0 means "not mapped").</summary>
    /// <param name="types">The handles of the event types in declaration order; each at most once.</param>
    public EventKindMap(params RuntimeTypeHandle[] types)
    {
        if (types is null)
        {
            throw new ArgumentNullException(nameof(types));
        }

        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, types.Length * 4));
        _shift = 64 - BitOperations.Log2((uint)size);
        _keys = new nint[size];
        _kinds = new int[size];
        for (int i = 0; i < types.Length; i++)
        {
            nint key = types[i].Value;
            int slot = SlotOf(key);
            while (_keys[slot] != 0)
            {
                if (_keys[slot] == key)
                {
                    throw new ArgumentException($"The type at index {i} is listed twice.", nameof(types));
                }

                slot = (slot + 1) & (size - 1);
            }

            _keys[slot] = key;
            _kinds[slot] = i + 1;
        }
    }

    /// <summary>The kind of <paramref name="e"/>'s exact runtime type, or 0 if that type was not listed.</summary>
    /// <param name="e">A non-null event.</param>
    public int Find(object e)
    {
        nint key = Type.GetTypeHandle(e).Value;
        nint[] keys = _keys;
        int mask = keys.Length - 1;
        for (int slot = SlotOf(key); ; slot = (slot + 1) & mask)
        {
            nint probe = keys[slot];
            if (probe == key)
            {
                return _kinds[slot];
            }

            if (probe == 0)
            {
                return 0;
            }
        }
    }

    // Fibonacci hashing: type handles are aligned pointers, so their low bits carry little; the multiply spreads the high ones.
    private int SlotOf(nint key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
}
