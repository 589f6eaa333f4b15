namespace GeneratedBus;

internal sealed partial class WaitingProducers
{
    // A MeterListener callback runs inline in both, on whatever thread begins or ends the wait: for an asynchronous
    // wait, the posting thread or the pool thread that resumed it. Stop waits for every asynchronous wait its bus's
    // posts count, and this one cannot end before the callback returns: so a Stop the callback calls must not wait
    // for it, and the wait says so for the callback's duration.

    /// <summary>Records a wait that began; the caller checked that the counter is enabled.</summary>
    /// <param name="async">Whether the wait is asynchronous, counted in the bus's posts until it ends.</param>
    private void RecordWaitBegan(bool async)
    {
        PostsUnderWay? own = OwnAsync(async);
        try
        {
            BusMetrics.AddSafely(BusMetrics.ProducerWaits, 1, _busTag, _queueTag);
        }
        finally
        {
            EndOwnAsync(own);
        }
    }

    /// <summary>Records the duration of a wait that ended; the caller checked that the histogram is enabled.</summary>
    /// <param name="elapsed">The wait's length, in ticks of the clock.</param>
    /// <param name="async">Whether the wait is asynchronous, counted in the bus's posts until it ends.</param>
    private void RecordWaitEnded(long elapsed, bool async)
    {
        PostsUnderWay? own = OwnAsync(async);
        try
        {
            BusMetrics.RecordSafely(BusMetrics.ProducerWaitDuration, (double)elapsed / _time.TimestampFrequency, _busTag, _queueTag);
        }
        finally
        {
            EndOwnAsync(own);
        }
    }

    // Registers an asynchronous wait of a bus as the calling thread's own (see PostsUnderWay.BeginOwnAsyncWait).
    private PostsUnderWay? OwnAsync(bool async)
    {
        PostsUnderWay? own = async ? _posts : null;
        own?.BeginOwnAsyncWait();
        return own;
    }

    private static void EndOwnAsync(PostsUnderWay? own)
    {
        if (own is not null)
        {
            PostsUnderWay.EndOwnAsyncWait();
        }
    }
}
