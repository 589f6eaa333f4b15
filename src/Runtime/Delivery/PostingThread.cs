namespace GeneratedBus;

/// <summary>
/// What one thread posting to a synchronous bus keeps for itself (in the bus's <see cref="ThreadCells{TCell}"/>): the
/// tally of its calls, and the sampler that picks which of its posts to time. Only that thread writes it.
/// </summary>
/// <remarks>The tally is the cell itself, not an object it points to: one load less on every post.</remarks>
internal sealed class PostingThread(long frequency, int maxInterval) : CallTally
{
    // A field, used in place: the sampler is a mutable struct.
    public TimingSampler Sampler = new(frequency, maxInterval: maxInterval);
}
