using System;
using System.Diagnostics;
using System.Reflection;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Diagnostics;

[Trait("Category", DebugOnlyFactAttribute.Category)]
public class InvariantTests
{
    [Fact]
    public void Checks_execute_exactly_when_the_runtime_is_a_Debug_build()
    {
        // An independent witness of the build: a Debug build disables the JIT optimizer, a Release build does not.
        bool debugBuild = typeof(Invariant).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;
        Assert.Equal(debugBuild, Invariant.Enabled);

        // A check inside the runtime: a second consumer thread is caught in Debug and goes unchecked in Release.
        var ring = new BoundedRing<object>(4);
        ring.TryEnqueue(new object(), 0);
        ring.TryEnqueue(new object(), 0);
        ring.Take(0, out _);
        Exception? thrown = Workers.Catch(() => ring.Take(1, out _), "second consumer");
        Assert.Equal(debugBuild, thrown is InvariantViolationException);
    }

    [DebugOnlyFact]
    public void Holds_throws_naming_the_invariant_when_it_is_false()
    {
        Invariant.Holds(true, "never reported");
        var thrown = Assert.Throws<InvariantViolationException>(() => Invariant.Holds(false, "Thing: x is below y"));
        Assert.Equal("Invariant violated: Thing: x is below y", thrown.Message);
    }

    [DebugOnlyFact]
    public void LockHeld_throws_unless_this_thread_holds_the_lock()
    {
        object gate = new();
        var thrown = Assert.Throws<InvariantViolationException>(() => Invariant.LockHeld(gate, "Thing: under its lock"));
        Assert.StartsWith("Invariant violated: Thing: under its lock", thrown.Message);

        lock (gate)
        {
            Invariant.LockHeld(gate, "Thing: under its lock");
            Assert.IsType<InvariantViolationException>(Workers.Catch(() => Invariant.LockHeld(gate, "Thing: under its lock"), "other thread"));
        }
    }

    [DebugOnlyFact]
    public void SingleThread_lets_the_first_caller_own_and_refuses_every_other_thread()
    {
        int owner = 0;
        Invariant.SingleThread(ref owner, "Thing: one thread");
        Invariant.SingleThread(ref owner, "Thing: one thread");
        Assert.Equal(Environment.CurrentManagedThreadId, owner);

        var thrown = Workers.Catch(() => Invariant.SingleThread(ref owner, "Thing: one thread"), "second thread");
        Assert.IsType<InvariantViolationException>(thrown);
        Assert.StartsWith("Invariant violated: Thing: one thread (owned by thread", thrown!.Message);
    }
}
