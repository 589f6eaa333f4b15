using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Wakes parked consumers on behalf of producers, so that a post that finds many queues idle does not pay a wake-up
/// for each: a post wakes the first parked consumer it finds itself, and hands the others to one process-wide waker
/// thread, which sets their signals in turn.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> Setting a parked consumer's signal wakes its thread, which on a small machine often takes the
/// producer's core at once: about 30 µs of the producer's time per consumer on this project's 2-core VMs, so a post
/// into 1,000 idle queues took 32 ms. Handing a wake over costs an enqueue (and, when the waker sleeps, one wake of
/// the waker); the same post then took 0.2 ms to 0.4 ms. The first wake of a post stays direct, so a post to one idle
/// queue is delivered as soon as before; the handed-over ones a wake-up later. (The last of 1,000 consumers ran
/// about as late as before, 50 ms after the post: the work is the same, only the poster no longer waits for it.)</para>
/// <para><b>No lost wake-up.</b> The producer already claimed the consumer's parked flag (see
/// <see cref="ConsumerParking{TEvent}"/>), so the consumer sleeps until its signal is set: the signal must be set,
/// by someone, once. A producer does [enqueue (interlocked); read idle]; the waker does [set idle (interlocked); look
/// at the queue]: either the waker sees the signal, or the producer sees it idle and releases it.</para>
/// <para><b>The thread.</b> Started at the first hand-over, a background thread that sleeps while there is nothing
/// to wake and lives as long as the process. If it cannot be started, producers set the signals themselves.</para>
/// </remarks>
internal static class ConsumerWaker
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Failed = 2;

    private static readonly ConcurrentQueue<ManualResetEventSlim> s_pending = new();
    private static readonly SemaphoreSlim s_work = new(0);
    private static readonly object s_start = new();
    private static int s_state;

    // 1 while the waker has found nothing to do and waits (or is about to): the producer that sees it wakes it.
    private static int s_idle;

    // The post of this thread's last direct wake: its bus (by identity hash, so nothing is kept alive; a collision
    // costs one wake handed over or made directly), the cell the post counted in (one thread counts in a cell per
    // stack page it posts from, see StackPageNumbers), and that cell's posted count.
    [ThreadStatic]
    private static int t_directBus;

    [ThreadStatic]
    private static int t_directCell;

    [ThreadStatic]
    private static long t_directPost;

    // For tests: how many wakes this thread made itself.
    [ThreadStatic]
    private static int t_directWakes;

    /// <summary>Test seam: how many consumers the calling thread woke itself rather than handing them over.</summary>
    internal static int DirectWakesOnThisThread => t_directWakes;

    /// <summary>Wakes the consumer parked on <paramref name="signal"/>, whose parked flag the caller has claimed.</summary>
    /// <param name="signal">The consumer's signal.</param>
    /// <param name="posts">The posts of the consumer's bus: the caller's posted count there tells its posts apart.</param>
    /// <param name="thread">The cell number the caller's post counted in (one post reads it once, so it is the same for all its wakes).</param>
    public static void Wake(ManualResetEventSlim signal, PostsUnderWay posts, int thread)
    {
        int bus = RuntimeHelpers.GetHashCode(posts);
        long post = posts.CountOf(thread);
        if (t_directBus != bus || t_directCell != thread || t_directPost != post || !Started())
        {
            // The first wake of a post (or there is no waker thread): direct, as fast as ever for a post to one queue.
            t_directBus = bus;
            t_directCell = thread;
            t_directPost = post;
            t_directWakes++;
            signal.Set();
            return;
        }

        s_pending.Enqueue(signal);
        if (Volatile.Read(ref s_idle) == 1 && Interlocked.Exchange(ref s_idle, 0) == 1)
        {
            s_work.Release();
        }
    }

    private static bool Started() => Volatile.Read(ref s_state) == Running || Start();

    private static bool Start()
    {
        lock (s_start)
        {
            if (s_state == NotStarted)
            {
                try
                {
                    new Thread(Run) { IsBackground = true, Name = "GeneratedBus-Waker" }.Start();
                    Volatile.Write(ref s_state, Running);
                }
                catch (Exception ex) when (ex is OutOfMemoryException or ThreadStartException)
                {
                    // No thread to hand wakes to: producers set every signal themselves, as before.
                    Volatile.Write(ref s_state, Failed);
                }
            }

            return s_state == Running;
        }
    }

    private static void Run()
    {
        while (true)
        {
            while (s_pending.TryDequeue(out ManualResetEventSlim? signal))
            {
                signal.Set();
            }

            Interlocked.Exchange(ref s_idle, 1);
            if (s_pending.IsEmpty)
            {
                // A producer that enqueues from now on finds it idle and releases it (a release may be pending already).
                s_work.Wait();
            }
            else
            {
                // Not idle after all; if a producer cleared the flag meanwhile, its release makes one spare round later.
                Interlocked.Exchange(ref s_idle, 0);
            }
        }
    }
}
