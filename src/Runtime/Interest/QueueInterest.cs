using System.Collections.Generic;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// The kinds a queue's listeners handle, as the post path reads them: <see cref="Wanted"/> is indexed by kind, or
/// <see langword="null"/> when some listener takes every kind (or none said otherwise yet), so the post path's check
/// is one load, and for a filtering queue one array read.
/// </summary>
/// <remarks>
/// Changed only under the bus lock, like the queue's listener list, and published with a release write. The order
/// around a change keeps a listener from missing what it handles: an add widens before the listener joins the list,
/// a removal narrows after it left. A post that races with either sees the old or the new set; both are safe for
/// the listeners the post can reach.
/// </remarks>
internal sealed class QueueInterest
{
    private readonly int _kindCount;
    private readonly object? _gate;
    private readonly List<(object Listener, EventKindSet Kinds)> _registrations = new();
    private bool[]? _wanted;

    /// <param name="kindCount">The dispatcher's kind count: every kind is below it.</param>
    /// <param name="gate">The bus lock, held by every change; <see langword="null"/> skips that check (tests).</param>
    public QueueInterest(int kindCount, object? gate)
    {
        _kindCount = kindCount;
        _gate = gate;
    }

    /// <summary>Whether the queue wants each kind; <see langword="null"/> for every kind. Read on the post path.</summary>
    public bool[]? Wanted => Volatile.Read(ref _wanted);

    /// <summary>Under the bus lock, before the listener joins the queue: one registration of it, with its kinds.</summary>
    public void Add(object listener, EventKindSet kinds)
    {
        CheckGuarded();
        _registrations.Add((listener, kinds));
        Publish();
    }

    /// <summary>Under the bus lock, after the listener left the queue: drops one registration of it.</summary>
    public void Remove(object listener)
    {
        CheckGuarded();
        int index = _registrations.FindIndex(r => ReferenceEquals(r.Listener, listener));
        if (index >= 0)
        {
            _registrations.RemoveAt(index);
            Publish();
        }
    }

    private void CheckGuarded()
    {
        if (_gate is not null)
        {
            Invariant.LockHeld(_gate, "a queue's interest changes under the bus lock");
        }
    }

    private void Publish()
    {
        bool[]? wanted = _registrations.Count == 0 ? null : new bool[_kindCount];
        foreach ((_, EventKindSet kinds) in _registrations)
        {
            if (kinds.IsAll)
            {
                wanted = null;
                break;
            }

            foreach (int kind in kinds.Kinds)
            {
                wanted![kind] = true;
            }
        }

        // Release: a post that reads the new array sees it filled.
        Volatile.Write(ref _wanted, wanted);
    }
}
