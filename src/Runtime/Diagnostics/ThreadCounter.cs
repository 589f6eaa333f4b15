using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// A counter many threads increment at once without an atomic instruction: each thread number (see
/// <see cref="ThreadNumbers"/>) has a padded cell (see <see cref="ThreadCells{TCell}"/>), so an increment is a plain
/// read-modify-write of a line only the number's current owner writes. Reads sum the cells.
/// </summary>
/// <remarks>
/// A locked increment costs several nanoseconds even uncontended (it fences the store buffer), which on the drop path
/// was most of a post. A cell keeps its count when its thread dies, and the thread next given the number adds to it;
/// once a number has a cell, a new thread that gets the number increments without allocating or growing anything.
/// </remarks>
internal sealed class ThreadCounter
{
    // Not readonly: a mutable struct used in place (see ThreadCells).
    private ThreadCells<Cell> _cells = new(static () => new Cell());

    /// <summary>The cells array's length (for tests: it stays bounded while threads come and go).</summary>
    internal int SlotCount => _cells.SlotCount;

    /// <summary>Test seam: see <see cref="ThreadCells{TCell}.GrowGate"/>; holding it stops a thread's first increment.</summary>
    internal object GrowGate => _cells.GrowGate;

    /// <summary>Adds one for the calling thread.</summary>
    public void Increment() => Increment(ThreadNumbers.Current);

    /// <summary>Adds one for the calling thread, whose number the caller has read already.</summary>
    /// <param name="number">The calling thread's <see cref="ThreadNumbers.Current"/>.</param>
    /// <returns>
    /// Whether this was the number's first increment of this counter. The counter's very first increment always is,
    /// so a caller can act once on a first event (a queue's first drop) without a flag on the hot path.
    /// </returns>
    public bool Increment(int number)
    {
        Cell cell = _cells.Get(number, out bool created);

        // Single writer (this number's owner); the release write publishes the count to Sum.
        Volatile.Write(ref cell.Value, cell.Value + 1);
        return created;
    }

    /// <summary>The total; exact once increments have stopped, otherwise a value some interleaving had.</summary>
    public long Sum()
    {
        long sum = 0;
        foreach (Cell? cell in _cells.All())
        {
            if (cell is not null)
            {
                sum += Volatile.Read(ref cell.Value);
            }
        }

        return sum;
    }

    // The value sits 64 bytes into a 128-byte body, so two cells (or a cell and its neighbour on the heap) never share a line.
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private sealed class Cell
    {
        [FieldOffset(64)]
        public long Value;
    }
}
