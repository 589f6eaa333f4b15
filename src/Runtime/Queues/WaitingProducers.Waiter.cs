namespace GeneratedBus;

internal sealed partial class WaitingProducers
{
    /// <summary>
    /// One parked producer: a node of the gate's list and the state that says who ended its park. Every field is
    /// read and written under the gate.
    /// </summary>
    private class Waiter(WaitingProducers owner)
    {
        /// <summary>Not on the list: about to park, or retrying.</summary>
        public const int Idle = 0;

        /// <summary>On the list, asleep.</summary>
        public const int Parked = 1;

        /// <summary>On the list, woken by the consumer: it takes itself off and retries.</summary>
        public const int Woken = 2;

        /// <summary>Taken off by <see cref="ReleaseAll"/>; its drop is counted.</summary>
        public const int Released = 3;

        /// <summary>Taken off by its token; its drop is counted.</summary>
        public const int Canceled = 4;

        /// <summary>Where it waits; a blocking waiter is reused by its thread, so this changes between waits.</summary>
        public WaitingProducers Owner { get; set; } = owner;

        public int State { get; set; }

        public Waiter? Previous { get; set; }

        public Waiter? Next { get; set; }

        /// <summary>Under the gate, as its park ends. Blocking waiters need nothing: the gate is pulsed.</summary>
        public virtual void Signal()
        {
        }
    }
}
