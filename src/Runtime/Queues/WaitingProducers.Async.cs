using System;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace GeneratedBus;

internal sealed partial class WaitingProducers
{
    /// <summary>
    /// Producer, after its offer came back full: like <see cref="Wait{TOffer}"/>, but parks asynchronously. Completes
    /// synchronously, allocating nothing, when a retry within the spin budget is accepted or the wait must end at
    /// once. A parked wait is resumed on the thread pool, never on the consumer's thread. The caller counts the wait
    /// in the bus's posts (<see cref="PostsUnderWay.BeginAsync"/>) until it ends.
    /// </summary>
    /// <param name="offer">Retried until it is not full.</param>
    /// <param name="cancellationToken">Ends the wait early, dropping the event (the result says so; nothing is thrown).</param>
    /// <returns>As <see cref="Wait{TOffer}"/>: anything but <see cref="EnqueueResult.Accepted"/> was dropped and counted.</returns>
    /// <exception cref="InvalidOperationException">The caller is a dispatch thread.</exception>
    public ValueTask<EnqueueResult> WaitAsync<TOffer>(TOffer offer, CancellationToken cancellationToken = default)
        where TOffer : struct, IOffer
    {
        Begin(async: true, out long start);
        EnqueueResult result;
        try
        {
            result = Retry(ref offer, cancellationToken);
        }
        catch
        {
            End(EnqueueResult.Full, start, running: true, counted: false, async: true);
            throw;
        }

        return result != EnqueueResult.Full || MustEnd(cancellationToken)
            ? new ValueTask<EnqueueResult>(End(result, start, running: true, counted: false, async: true))
            : ParkAsync(offer, start, cancellationToken);
    }

    private async ValueTask<EnqueueResult> ParkAsync<TOffer>(TOffer offer, long start, CancellationToken cancellationToken)
        where TOffer : struct, IOffer
    {
        var waiter = new AsyncWaiter(this);
        EnqueueResult result = EnqueueResult.Full;
        bool running = true, counted = false;
        CancellationTokenRegistration registration = default;
        try
        {
            registration = RegisterCancel(waiter, cancellationToken);
            while (true)
            {
                long epoch = Announce();
                result = offer.TryOfferBeforePark();
                if (result != EnqueueResult.Full)
                {
                    break;
                }

                if (Park(waiter, epoch, cancellationToken))
                {
                    running = false;
                    await waiter.Sleep().ConfigureAwait(false);
                    if (!Claim(waiter))
                    {
                        counted = true;
                        break;
                    }

                    running = true;
                }

                result = Retry(ref offer, cancellationToken);
                if (result != EnqueueResult.Full || MustEnd(cancellationToken))
                {
                    break;
                }
            }
        }
        finally
        {
            registration.Dispose();
            End(result, start, running, counted, async: true);
        }

        return result;
    }

    // A pool thread is not to be interrupted, but if one is, the gate must not be left half-done: enter as the
    // consumer does and leave the interrupt pending.
    private bool Park(AsyncWaiter waiter, long epoch, CancellationToken cancellationToken)
    {
        waiter.Reset();
        using (UninterruptibleLock.Enter(_gate))
        {
            return TryParkLocked(waiter, epoch, cancellationToken);
        }
    }

    private bool Claim(AsyncWaiter waiter)
    {
        using (UninterruptibleLock.Enter(_gate))
        {
            return TryClaimLocked(waiter);
        }
    }

    /// <summary>A parked asynchronous producer: one per wait that parks, reset for each park.</summary>
    private sealed class AsyncWaiter(WaitingProducers owner) : Waiter(owner), IValueTaskSource
    {
        // Continuations go to the pool: the waker is the consumer (or Stop, or a token), which must not run the
        // producer's code after its await.
        private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };

        public void Reset() => _core.Reset();

        public ValueTask Sleep() => new(this, _core.Version);

        public override void Signal() => _core.SetResult(true);

        public void GetResult(short token) => _core.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);
    }
}
