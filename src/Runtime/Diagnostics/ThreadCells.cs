using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// One cell per thread number (see <see cref="ThreadNumbers"/>) or stack page number (see
/// <see cref="StackPageNumbers"/>, the post path's), made on the number's first use and kept after its thread dies,
/// for state that one thread at a time writes: a counter's count, or a posting thread's call tally. A lookup is the
/// number's read and an array index, with no lock and no locked instruction.
/// </summary>
/// <remarks>
/// A cell belongs to a number, not to a thread: the thread that is next given the number takes it over, and
/// <see cref="ThreadNumbers"/> orders the dead owner's last write before the new owner's first read, so a cell always
/// has a single writer. Numbers are reused lowest first, so the array stays about as long as the most threads that
/// were alive at once.
/// <para>
/// A struct, kept in a field of its owner and used in place, so a lookup does not first load a separate object: on
/// the drop path every dependent load counts. Never copy it (nor make the field readonly, which would make every call
/// work on a copy): a copy would grow its own array and lose cells.
/// </para>
/// </remarks>
/// <typeparam name="TCell">The per-thread state.</typeparam>
internal struct ThreadCells<TCell>
    where TCell : class
{
    private readonly object _grow;
    private readonly Func<TCell> _create;

    // Copy-on-grow under _grow; readers and owners read it with Volatile.Read. Cells are shared objects, so copying
    // the references into a longer array loses no write an owner makes meanwhile.
    private TCell?[] _cells;

    /// <param name="create">Makes a cell, the first time a number needs one (under a lock, off the hot path).</param>
    public ThreadCells(Func<TCell> create)
    {
        _grow = new object();
        _create = create;
        _cells = new TCell?[Math.Clamp(Environment.ProcessorCount, 1, 64)];
    }

    /// <summary>The array's length (for tests: it stays bounded while threads come and go).</summary>
    public int SlotCount => Volatile.Read(ref _cells).Length;

    /// <summary>
    /// Test seam: the lock a number's first lookup takes to make its cell. A test that holds it stops a thread exactly
    /// there, before that thread's first write to these cells.
    /// </summary>
    internal readonly object GrowGate => _grow;

    /// <summary>The cell of thread number <paramref name="number"/>, the calling thread's.</summary>
    /// <param name="number">The calling thread's <see cref="ThreadNumbers.Current"/>.</param>
    /// <param name="created">Whether the cell was made by this call: the number's first use of these cells.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TCell Get(int number, out bool created)
    {
        // Acquire: the cell's fields, written before the array that holds it was published, are visible.
        TCell?[] cells = Volatile.Read(ref _cells);
        if ((uint)number < (uint)cells.Length && cells[number] is { } cell)
        {
            created = false;
            return cell;
        }

        created = true;
        return Create(number);
    }

    /// <summary>Every cell made so far, for readers that sum or scan them; some entries are null.</summary>
    public TCell?[] All() => Volatile.Read(ref _cells);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TCell Create(int number)
    {
        lock (_grow)
        {
            TCell?[] cells = _cells;
            if (number >= cells.Length)
            {
                var grown = new TCell?[Math.Max(number + 1, cells.Length * 2)];
                Array.Copy(cells, grown, cells.Length);
                cells = grown;
            }

            TCell cell = cells[number] ?? _create();
            cells[number] = cell;

            // Release: the cell is in the array before a reader (or its owner's next lookup) reads the array.
            Volatile.Write(ref _cells, cells);
            return cell;
        }
    }
}
