using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;

namespace GeneratedBus.Generators.Tests.Units;

/// <summary>
/// Which bus an event joins: the nearest [EventBus] base class, else the most derived [EventBus] interface, else the
/// top-most base class other than object.
/// </summary>
public class RootResolutionTests
{
    [Theory]
    [InlineData("public abstract record Top; public abstract record Mid : Top;", "Mid", "Acme.Top")]
    [InlineData("[EventBus] public abstract record Top; public abstract record Mid : Top;", "Mid", "Acme.Top")]
    [InlineData("public abstract record Top; [EventBus] public abstract record Mid : Top;", "Mid", "Acme.Mid")]
    [InlineData("[EventBus] public abstract record Top; [EventBus] public abstract record Mid : Top;", "Mid", "Acme.Mid")]
    [InlineData("public abstract record Top; [EventBus] public interface IAudit { }", "Top, IAudit", "Acme.IAudit")]
    [InlineData("[EventBus] public abstract record Top; [EventBus] public interface IAudit { }", "Top, IAudit", "Acme.Top")]
    [InlineData("[EventBus] public interface IAudit { } [EventBus] public interface ISecurityAudit : IAudit { }", "ISecurityAudit", "Acme.ISecurityAudit")]
    public void Event_joins_the_bus_of_its_root(string declarations, string bases, string root)
    {
        GeneratorRun run = GeneratorRun.For($$"""
            using GeneratedBus;
            namespace Acme;
            {{declarations}}
            [BusEvent] public sealed record Login(string User) : {{bases}};
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var generated = Assert.Single(run.BusSources);
        Assert.Equal(root + ".Bus.g.cs", generated.HintName);
        Assert.Contains("void OnLogin(global::Acme.Login e);", generated.SourceText.ToString(), System.StringComparison.Ordinal);
        DiagnosticAssert.AssertGeneratedTreesCompile(run);
    }

    [Fact]
    public void An_event_that_is_also_a_root_is_on_its_own_root_bus_and_heads_another()
    {
        GeneratorRun run = GeneratorRun.For("""
            using GeneratedBus;
            namespace Acme;
            public abstract record SchedulerEvent;
            [EventBus, BusEvent] public abstract record JobEvent(int JobId) : SchedulerEvent;
            [BusEvent] public sealed record JobStart(int JobId) : JobEvent(JobId);
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        string[] files = run.BusSources.Select(s => s.HintName + ": " + s.SourceText).ToArray();
        Assert.Equal(2, files.Length);
        Assert.Contains("void OnJob(global::Acme.JobEvent e);", files.Single(f => f.StartsWith("Acme.SchedulerEvent.", System.StringComparison.Ordinal)), System.StringComparison.Ordinal);
        Assert.Contains("void OnJobStart(global::Acme.JobStart e);", files.Single(f => f.StartsWith("Acme.JobEvent.", System.StringComparison.Ordinal)), System.StringComparison.Ordinal);
    }
}
