using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// The posts of a <see cref="LiveListenerBus{TListener, TEvent}"/>: how many each thread counted (the bus's
/// <c>EventsPosted</c>), and which are under way now, so that Stop can wait for those that began before it and leave
/// every counter final when it returns.
/// </summary>
/// <remarks>
/// <para><b>The handshake</b> (asymmetric Dekker, as in <see cref="WaitingProducers"/>). A post does P1 mark its
/// thread's cell in-post (a plain release write), P2 read the bus state, and, if the bus runs, counts and offers the
/// event; P3 clears the mark (release) once every queue has taken, dropped and counted, or ignored the event. Stop
/// does S1 set the state to stopped (interlocked), S2 <see cref="Interlocked.MemoryBarrierProcessWide"/>, S3 wait for
/// every mark it reads set to clear. S2 makes each posting thread's core execute a full fence at some instant T of its
/// program: if P1 came before T, S3 sees the mark; if after, P2 sees the stopped state and the post is ignored. So when
/// S3 ends, every post that saw the bus running has finished counting, and no later one counts anything.</para>
/// <para><b>Cost.</b> Two plain writes per post, to the line of the thread's posted count, which the post writes
/// anyway: no fence and no locked instruction on the post path. Stop pays the barrier (a few microseconds) and a scan
/// of the cells. A post that waits asynchronously for room is counted in <see cref="BeginAsync"/>, on the waiting path
/// only, since its continuation runs on another thread.</para>
/// </remarks>
internal sealed class PostsUnderWay
{
    // Not readonly: a mutable struct used in place (see ThreadCells).
    private ThreadCells<Cell> _cells = new(static () => new Cell());
    private int _waitingAsync;

    // The cell numbers of the calling thread's posts that wait for room (see BeginOwnWait).
    [ThreadStatic]
    private static OwnStack<int> t_ownWaits;

    // The buses whose asynchronous waits for room run a metric callback on the calling thread (see BeginOwnAsyncWait).
    [ThreadStatic]
    private static OwnStack<PostsUnderWay> t_ownAsyncWaits;

    /// <summary>The posts counted so far: exact once posting has stopped.</summary>
    public long Posted
    {
        get
        {
            long sum = 0;
            foreach (Cell? cell in _cells.All())
            {
                if (cell is not null)
                {
                    sum += Volatile.Read(ref cell.Posted);
                }
            }

            return sum;
        }
    }

    /// <summary>The posts cell <paramref name="thread"/> has counted: a number that tells its posts apart.</summary>
    public long CountOf(int thread) => Volatile.Read(ref _cells.Get(thread, out _).Posted);

    /// <summary>Test seam: holding it stops a thread's first post to the bus before the post is marked or counted.</summary>
    internal object GrowGate => _cells.GrowGate;

    /// <summary>P1: marks the calling thread in-post, before the post reads the bus state.</summary>
    /// <param name="thread">The post's cell number: <see cref="StackPageNumbers.Current"/>, or <see cref="ThreadNumbers.Current"/>.</param>
    /// <returns>The thread's cell, for <see cref="Count"/> and <see cref="Exit"/>.</returns>
    /// <remarks>
    /// A depth, not a flag: a post may run user code (a <c>MeterListener</c> callback for a wait's metrics) that posts
    /// to the same bus, and the inner post's exit must not unmark the outer one.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Cell Enter(int thread)
    {
        Cell cell = _cells.Get(thread, out _);

        // Volatile so the JIT keeps the write where it is; no fence: Stop's process-wide barrier stands in for one.
        Volatile.Write(ref cell.InPost, cell.InPost + 1);
        return cell;
    }

    /// <summary>Counts a post of the marked thread that found the bus running or was buffered for Start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Count(Cell cell) => Volatile.Write(ref cell.Posted, cell.Posted + 1);

    /// <summary>P3: the post has finished with every queue; release, so its counts are seen before the mark clears.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(Cell cell) => Volatile.Write(ref cell.InPost, cell.InPost - 1);

    /// <summary>A post goes on waiting for room asynchronously: under way until <see cref="EndAsync"/>. Called while still marked.</summary>
    public void BeginAsync() => Interlocked.Increment(ref _waitingAsync);

    /// <summary>An asynchronous wait for room ended: the post has finished.</summary>
    public void EndAsync() => Interlocked.Decrement(ref _waitingAsync);

    /// <summary>
    /// A post of the calling thread, marked in cell <paramref name="number"/>, begins to wait for room (or, for
    /// <c>PostAsync</c>, the part of the wait that runs on the posting thread): the one place a post runs user code (a
    /// <c>MeterListener</c> callback for the wait's metrics). Until <see cref="EndOwnWait"/>,
    /// a Stop that code calls on this thread ignores that cell, which a post number (see
    /// <see cref="StackPageNumbers"/>) does not tie to <see cref="ThreadNumbers.Current"/>.
    /// </summary>
    public static void BeginOwnWait(int number) => t_ownWaits.Push(number);

    /// <summary>The innermost wait of <see cref="BeginOwnWait"/> ended.</summary>
    public static void EndOwnWait() => t_ownWaits.Pop();

    /// <summary>
    /// An asynchronous wait for room of a post of this bus, counted since <see cref="BeginAsync"/>, runs user code on
    /// the calling thread (a <c>MeterListener</c> callback for the wait's metrics), which is whatever thread begins,
    /// resumes or ends the wait: the posting thread, or a pool thread. Until <see cref="EndOwnAsyncWait"/>, a Stop of
    /// this bus that code calls on this thread does not wait for that post, which cannot end before the callback does.
    /// </summary>
    public void BeginOwnAsyncWait()
    {
        Invariant.Holds(
            OwnAsyncWaits() < Volatile.Read(ref _waitingAsync),
            "an asynchronous wait is counted (BeginAsync) while its callbacks run, apart from those that run theirs on this thread already");
        t_ownAsyncWaits.Push(this);
    }

    /// <summary>The innermost callback of <see cref="BeginOwnAsyncWait"/> returned.</summary>
    public static void EndOwnAsyncWait() => t_ownAsyncWaits.Pop();

    // How many of this bus's asynchronous waits run a callback on the calling thread (see BeginOwnAsyncWait).
    private int OwnAsyncWaits() => t_ownAsyncWaits.CountOf(this);

    // Whether cell i is the calling thread's: its thread number's, or a post of its own that waits (see BeginOwnWait).
    private static bool IsOwn(int i, int self) =>
        i == self || t_ownWaits.Contains(i);

    /// <summary>
    /// S2 and S3, after the bus state was set to stopped: waits until every post that saw the bus running has finished,
    /// ignoring the caller's own (a post whose user code called Stop cannot finish before Stop does): its marked posts
    /// (see <see cref="BeginOwnWait"/>) and the asynchronous waits whose callback it runs (see
    /// <see cref="BeginOwnAsyncWait"/>). The caller must first have ended every wait for room, so none of these posts
    /// waits for anything.
    /// </summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <returns>Whether they all finished in time.</returns>
    /// <exception cref="ThreadInterruptedException">
    /// The caller was interrupted in a sleep of the wait; it may simply call again (see <see cref="Uninterruptible"/>).
    /// </exception>
    public bool WaitForPostsBefore(TimeSpan timeout)
    {
        Interlocked.MemoryBarrierProcessWide();
        long deadline = Polling.Deadline(timeout);
        int self = ThreadNumbers.Current;
        Cell?[] cells = _cells.All();
        for (int i = 0; i < cells.Length; i++)
        {
            // Seen clear once is enough: a post that begins after the barrier sees the bus stopped.
            if (!IsOwn(i, self) && cells[i] is { } cell && !Polling.Until(() => Volatile.Read(ref cell.InPost) == 0, deadline))
            {
                return false;
            }
        }

        // Every marked post has finished its synchronous part, so no asynchronous wait begins any more. The caller's
        // own stay counted until it returns: wait for the rest only.
        int own = OwnAsyncWaits();
        Invariant.Holds(own <= Volatile.Read(ref _waitingAsync), "an asynchronous wait running a callback has not ended");
        return Polling.Until(() => Volatile.Read(ref _waitingAsync) == own, deadline);
    }

    /// <summary>
    /// One posting thread's cell: its posted count and its in-post mark, on one line of a 128-byte body, so two
    /// cells (or a cell and its neighbour on the heap) never share a line.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    internal sealed class Cell
    {
        [FieldOffset(64)]
        public long Posted;

        /// <summary>How many posts of this thread to the bus are under way: 0, or 1 but for a post nested in user code.</summary>
        [FieldOffset(72)]
        public int InPost;
    }
}
