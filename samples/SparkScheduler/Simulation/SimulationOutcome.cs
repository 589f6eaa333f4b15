using System.Collections.Generic;

namespace SparkScheduler.Simulation;

/// <summary>What a simulation did.</summary>
/// <param name="EventsPosted">Events it posted.</param>
/// <param name="SimulatedMs">How long the application ran in simulated time.</param>
/// <param name="ExecutorsEverAdded">Executors at start plus replacements.</param>
/// <param name="HungExecutorsRemoved">The hung executors the driver removed on heartbeat timeout, in removal order.</param>
internal sealed record SimulationOutcome(long EventsPosted, long SimulatedMs, int ExecutorsEverAdded, IReadOnlyList<string> HungExecutorsRemoved);
