using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// A counter many threads increment at once without an atomic instruction: each thread owns a padded cell, found by
/// a process-wide index the thread draws once, so an increment is a plain read-modify-write of a line only that
/// thread writes. Reads sum the cells.
/// </summary>
/// <remarks>
/// A locked increment costs several nanoseconds even uncontended (it fences the store buffer), which on the drop path
/// was most of a post. Thread indexes are never reused, so a cell never has two writers; the cells array grows to the
/// highest index of a thread that incremented this counter, and a cell outlives its thread, so no count is lost.
/// </remarks>
internal sealed class ThreadCounter
{
    private static int s_threads;

    // The thread's index plus one; 0 until the thread first increments any counter.
    [ThreadStatic]
    private static int t_indexPlusOne;

    private readonly object _grow = new();
    private Cell?[] _cells = new Cell?[Math.Clamp(Environment.ProcessorCount, 1, 64)];

    /// <summary>Adds one for the calling thread.</summary>
    public void Increment()
    {
        int index = t_indexPlusOne - 1;
        Cell?[] cells = Volatile.Read(ref _cells);
        if ((uint)index < (uint)cells.Length && cells[index] is { } cell)
        {
            // Single writer (this thread); the release write publishes the count to Sum.
            Volatile.Write(ref cell.Value, cell.Value + 1);
            return;
        }

        IncrementFirstTime();
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

    private void IncrementFirstTime()
    {
        if (t_indexPlusOne == 0)
        {
            t_indexPlusOne = Interlocked.Increment(ref s_threads);
        }

        int index = t_indexPlusOne - 1;
        Cell cell;
        lock (_grow)
        {
            Cell?[] cells = _cells;
            if (index >= cells.Length)
            {
                // Cells are shared objects, so copying the references loses no concurrent increment.
                var grown = new Cell?[Math.Max(index + 1, cells.Length * 2)];
                Array.Copy(cells, grown, cells.Length);
                cells = grown;
            }

            cell = cells[index] ?? new Cell();
            cells[index] = cell;

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
