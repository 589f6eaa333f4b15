using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// A counter many threads increment at once without an atomic instruction: each thread number (see
/// <see cref="ThreadNumbers"/>) has a padded cell, so an increment is a plain read-modify-write of a line only the
/// number's current owner writes. Reads sum the cells.
/// </summary>
/// <remarks>
/// A locked increment costs several nanoseconds even uncontended (it fences the store buffer), which on the drop path
/// was most of a post. A cell belongs to a number, not to a thread: it keeps its count when its thread dies, and the
/// thread that is next given the number adds to it (safely: <see cref="ThreadNumbers"/> orders the dead owner's last
/// write before the new owner's first read). Numbers are reused lowest first, so the cells array stays about as long
/// as the most threads that were alive at once, and once a number has a cell, a new thread that gets the number
/// increments without allocating or growing anything.
/// </remarks>
internal sealed class ThreadCounter
{
    private readonly object _grow = new();
    private Cell?[] _cells = new Cell?[Math.Clamp(Environment.ProcessorCount, 1, 64)];

    /// <summary>The cells array's length (for tests: it stays bounded while threads come and go).</summary>
    internal int SlotCount => Volatile.Read(ref _cells).Length;

    /// <summary>Adds one for the calling thread.</summary>
    public void Increment()
    {
        int number = ThreadNumbers.Current;
        Cell?[] cells = Volatile.Read(ref _cells);
        if ((uint)number < (uint)cells.Length && cells[number] is { } cell)
        {
            // Single writer (this number's owner); the release write publishes the count to Sum.
            Volatile.Write(ref cell.Value, cell.Value + 1);
            return;
        }

        IncrementFirstTime(number);
    }

    /// <summary>The total; exact once increments have stopped, otherwise a value some interleaving had.</summary>
    public long Sum()
    {
        long sum = 0;
        foreach (Cell? cell in Volatile.Read(ref _cells))
        {
            if (cell is not null)
            {
                sum += Volatile.Read(ref cell.Value);
            }
        }

        return sum;
    }

    // The first increment by a number this counter has no cell for yet.
    private void IncrementFirstTime(int number)
    {
        Cell cell;
        lock (_grow)
        {
            Cell?[] cells = _cells;
            if (number >= cells.Length)
            {
                // Cells are shared objects, so copying the references loses no concurrent increment.
                var grown = new Cell?[Math.Max(number + 1, cells.Length * 2)];
                Array.Copy(cells, grown, cells.Length);
                cells = grown;
            }

            cell = cells[number] ?? new Cell();
            cells[number] = cell;

            // Release: the cell is in the array before a reader (or this thread's next Increment) reads the array.
            Volatile.Write(ref _cells, cells);
        }

        Volatile.Write(ref cell.Value, cell.Value + 1);
    }

    // The value sits 64 bytes into a 128-byte body, so two cells (or a cell and its neighbour on the heap) never share a line.
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private sealed class Cell
    {
        [FieldOffset(64)]
        public long Value;
    }
}
