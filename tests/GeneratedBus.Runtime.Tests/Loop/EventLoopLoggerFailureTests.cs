using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Loop;

/// <summary>
/// A logger that throws never breaks the loop (issue 16, defects 2 and 3). The one that used to end the process runs
/// in a child process (tests/GeneratedBus.Runtime.Crashers, LoopScenarios).
/// </summary>
public sealed class EventLoopLoggerFailureTests
{
    [Fact]
    public void A_throwing_logger_behind_a_throwing_OnError_never_ends_the_loop()
        => ChildScenario.AssertPasses("loop-throwing-logger-and-throwing-on-error");
}
