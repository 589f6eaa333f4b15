using System.Collections.Concurrent;
using System.Collections.Generic;
using Acme.Scheduling;
using Acme.Storage;

namespace GeneratedBus.IntegrationTests;

/// <summary>Overrides two handlers and leaves the rest as the generated no-ops.</summary>
internal sealed class JobCounter : SchedulerListener
{
    public int Started;
    public int Ended;

    public override void OnJobStart(JobStart e) => Started++;

    public override void OnJobEnd(JobEnd e) => Ended++;
}

/// <summary>Records what reached OnOtherEvent.</summary>
internal sealed class OtherRecorder : SchedulerListener
{
    public List<SchedulerEvent> Others { get; } = new();

    public override void OnOtherEvent(SchedulerEvent e) => Others.Add(e);
}

/// <summary>Sees every event through one method.</summary>
internal sealed class Firehose : SchedulerFirehoseListener
{
    public ConcurrentQueue<SchedulerEvent> Seen { get; } = new();

    public override void OnEvent(SchedulerEvent e) => Seen.Enqueue(e);
}

/// <summary>A listener of the second bus.</summary>
internal sealed class BlockLedger : StorageListener
{
    public long Bytes;
    public List<string> Evicted { get; } = new();

    public override void OnBlockWritten(BlockWritten e) => Bytes += e.Bytes;

    public override void OnBlockEvicted(BlockEvicted e) => Evicted.Add(e.BlockId);
}
