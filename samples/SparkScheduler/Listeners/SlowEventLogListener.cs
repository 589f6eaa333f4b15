using System;
using System.Threading;
using SparkScheduler.Events;

namespace SparkScheduler.Listeners;

/// <summary>
/// Spark's EventLoggingListener on a slow disk: every event takes a fixed time to "write". On its own queue it falls
/// behind and that queue drops, counted exactly, while the other queues keep up: queue isolation, made visible.
/// </summary>
internal sealed class SlowEventLogListener(TimeSpan delayPerEvent) : SparkFirehoseListener
{
    // Written only on the eventLog queue's thread; read after the bus stopped.
    public long Written { get; private set; }

    public override void OnEvent(SparkListenerEvent e)
    {
        if (delayPerEvent > TimeSpan.Zero)
        {
            Thread.Sleep(delayPerEvent);
        }

        Written++;
    }
}
