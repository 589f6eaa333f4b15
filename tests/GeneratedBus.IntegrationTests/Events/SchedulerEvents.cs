using GeneratedBus;

namespace Acme.Scheduling;

/// <summary>The root of the scheduler bus: a plain user type.</summary>
public abstract record SchedulerEvent;

/// <summary>Called when a job starts.</summary>
[BusEvent]
public sealed record JobStart(int JobId, long Time) : SchedulerEvent;

/// <summary>Called when a job ends.</summary>
[BusEvent]
public sealed record JobEnd(int JobId, long Time, bool Succeeded) : SchedulerEvent;

/// <summary>An executor is alive.</summary>
[BusEvent]
public sealed record HeartbeatEvent(string ExecutorId) : SchedulerEvent;

/// <summary>Has no attribute, so it reaches OnOtherEvent.</summary>
public sealed record SqlExecutionStart(long Id) : SchedulerEvent;
