using System;
using System.Collections.Generic;

namespace GeneratedBus;

/// <summary>
/// What the calling thread's running code has begun and not yet ended, innermost last: kept in a
/// <see cref="ThreadStaticAttribute"/> field and used in place, so Stop can tell the waits it is called from.
/// </summary>
/// <typeparam name="T">What is pushed: a post's cell number, or the bus whose wait runs a callback.</typeparam>
internal struct OwnStack<T>
{
    private T[]? _items;
    private int _count;

    /// <summary>Something began on this thread.</summary>
    public void Push(T item)
    {
        T[] items = _items ??= new T[4];
        if (_count == items.Length)
        {
            Array.Resize(ref _items, items.Length * 2);
            items = _items;
        }

        items[_count++] = item;
    }

    /// <summary>The innermost one ended.</summary>
    public void Pop()
    {
        Invariant.Holds(_count > 0, "every own wait that ends began");
        _items![--_count] = default!; // No thread static keeps a bus alive.
    }

    /// <summary>Whether <paramref name="item"/> has begun and not ended on this thread.</summary>
    public readonly bool Contains(T item) => _count > 0 && Array.IndexOf(_items!, item, 0, _count) >= 0;

    /// <summary>How many times <paramref name="item"/> has begun and not ended on this thread.</summary>
    public readonly int CountOf(T item)
    {
        int count = 0;
        for (int i = 0; i < _count; i++)
        {
            count += EqualityComparer<T>.Default.Equals(_items![i], item) ? 1 : 0;
        }

        return count;
    }
}
