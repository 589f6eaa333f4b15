using System;
using System.Threading;

namespace GeneratedBus;

internal sealed partial class WaitingProducers
{
    // A thread is in at most one blocking wait at a time, so it reuses one waiter: blocking waits allocate nothing.
    [ThreadStatic]
    private static Waiter? t_blocking;

    /// <summary>
    /// Producer, after its offer came back full: blocks until the offer is accepted, the queue closes,
    /// <see cref="ReleaseAll"/> is called or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="offer">Retried until it is not full; passed by reference, so the caller sees its last state.</param>
    /// <param name="cancellationToken">Ends the wait early, dropping the event.</param>
    /// <returns>
    /// <see cref="EnqueueResult.Accepted"/>: placed. Otherwise dropped and counted in <see cref="Dropped"/>:
    /// <see cref="EnqueueResult.Closed"/> (the queue closed) or <see cref="EnqueueResult.Full"/> (released or cancelled).
    /// </returns>
    /// <exception cref="ThreadInterruptedException">The thread was interrupted while it waited; the event is dropped and counted.</exception>
    /// <exception cref="InvalidOperationException">The caller is a dispatch thread.</exception>
    public EnqueueResult Wait<TOffer>(ref TOffer offer, CancellationToken cancellationToken = default)
        where TOffer : struct, IOffer
    {
        Begin(async: false, out long start);
        EnqueueResult result = EnqueueResult.Full;
        bool running = true, counted = false;
        Waiter? waiter = null;
        CancellationTokenRegistration registration = default;
        try
        {
            while (true)
            {
                result = Retry(ref offer, cancellationToken);
                if (result != EnqueueResult.Full || MustEnd(cancellationToken))
                {
                    break;
                }

                long epoch = Announce();
                result = offer.TryOfferBeforePark();
                if (result != EnqueueResult.Full)
                {
                    break;
                }

                if (waiter is null)
                {
                    waiter = t_blocking ??= new Waiter(this);
                    waiter.Owner = this;
                    registration = RegisterCancel(waiter, cancellationToken);
                }

                // Interruptible on purpose, unlike the consumer's entry: an interrupt here ends the wait as one
                // while parked does (not yet parked, so End counts the drop).
                lock (_gate)
                {
                    if (!TryParkLocked(waiter, epoch, cancellationToken))
                    {
                        continue;
                    }

                    running = false;
                    try
                    {
                        while (waiter.State == Waiter.Parked)
                        {
                            Monitor.Wait(_gate);
                        }
                    }
                    catch (ThreadInterruptedException)
                    {
                        // Monitor.Wait took the gate back before throwing. Count the drop here, under the gate, as
                        // any end of a park does; if ReleaseAll or the token ended it first, they counted it.
                        if (waiter.State is Waiter.Parked or Waiter.Woken)
                        {
                            ResolveLocked(waiter, Waiter.Idle);
                        }

                        waiter.State = Waiter.Idle;
                        counted = true;
                        throw;
                    }

                    if (!TryClaimLocked(waiter))
                    {
                        counted = true;
                        break;
                    }

                    running = true;
                }
            }
        }
        finally
        {
            // Waits for a callback under way, so the reused waiter is never cancelled during a later wait.
            registration.Dispose();
            End(result, start, running, counted, async: false);
        }

        return result;
    }
}
