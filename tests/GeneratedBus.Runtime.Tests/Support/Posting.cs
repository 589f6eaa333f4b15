using System.Threading;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>Producers 0..n-1 posting their sequenced events until <see cref="End"/>, or <c>max</c> each.</summary>
public sealed class Posting
{
    private bool _end;

    public Posting(TestBus bus, int producers, int max)
    {
        Posted = new int[producers];
        Workers = Workers.Start(producers, p =>
        {
            int i = 0;
            while (i < max && !Volatile.Read(ref _end))
            {
                Sequenced.Post(bus, p, i++);
            }

            Posted[p] = i;
        }, "producer");
    }

    public Workers Workers { get; }

    /// <summary>How many each producer posted; read after <see cref="End"/>.</summary>
    public int[] Posted { get; }

    /// <summary>Stops the producers (those not done yet) and joins them.</summary>
    public void End()
    {
        Volatile.Write(ref _end, true);
        Workers.Join("producers");
    }
}
