using System;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>What a generated async listener interface would be: one handler.</summary>
public interface ITestAsyncListener
{
    ValueTask OnAsync(TestEvent e, CancellationToken cancellationToken);
}

/// <summary>
/// A hand-written stand-in for a generated bus with async listeners: the same overloads, and an adapter like the
/// generated one (public here, so a test can call it directly).
/// </summary>
public sealed class AsyncTestBus : LiveListenerBus<ITestListener, TestEvent>
{
    public AsyncTestBus(BusOptions? options = null)
        : base(options, DispatcherBinding<ITestListener, TestEvent>.Of<TestDispatcher>())
    {
    }

    public void AddToQueue(ITestAsyncListener listener, string queue) => base.AddToQueue(new Call(listener), queue);

    public void AddToSharedQueue(ITestAsyncListener listener) => AddToQueue(listener, SharedQueue);

    public bool RemoveListener(ITestAsyncListener listener) => RemoveAsyncListener(listener);

    public void FlushLog() => Assert.True(WaitForLog(TimeSpan.FromSeconds(30)), "the bus's log entries were not written within 30 s");

    /// <summary>What the generator emits as the bus's private AsyncListenerCall.</summary>
    public sealed class Call(ITestAsyncListener listener) : AsyncListenerAdapter(listener), ITestListener
    {
        public void On(TestEvent e, int kind) => Await(listener.OnAsync(e, StopToken));
    }
}
