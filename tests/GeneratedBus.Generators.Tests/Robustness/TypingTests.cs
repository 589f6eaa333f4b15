using System;
using System.Collections.Generic;
using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Robustness;

/// <summary>
/// The IDE runs the generator on every keystroke: every prefix of a file as it is typed, and the file with any one line
/// missing, must leave the generator without an exception and its output without an error of its own.
/// </summary>
public class TypingTests
{
    private const string File = """
        using GeneratedBus;

        namespace Acme.Scheduling
        {
            /// <summary>The root.</summary>
            [EventBus("Jobs")]
            public abstract record SchedulerEvent;

            /// <summary>A job started; see <see cref="JobEnd"/>.</summary>
            [BusEvent] public sealed record JobStart(int JobId, long Time) : SchedulerEvent;
            [BusEvent] public record TaskEvent(long TaskId) : SchedulerEvent;
            [BusEvent] public sealed record TaskEnd(long TaskId) : TaskEvent(TaskId);
            [BusEvent] internal sealed partial record JobEnd(int JobId) : SchedulerEvent { }

            [EventBus] public interface IMetricEvent { }
            [BusEvent] public readonly record struct CpuSample(double Load) : IMetricEvent;
            public static class Holder<T> { [BusEvent] public sealed record Inner(T Value) : SchedulerEvent; }
        }
        """;

    public static TheoryData<string> Edits => new(["prefixes", "lines removed"]);

    [Theory]
    [MemberData(nameof(Edits))]
    public void Every_intermediate_state_is_handled(string edit)
    {
        IEnumerable<string> states = edit == "prefixes"
            ? Enumerable.Range(0, File.Length + 1).Select(length => File[..length])
            : File.Split('\n').Select((_, skipped) => string.Join('\n', File.Split('\n').Where((_, i) => i != skipped)));
        var failures = new List<string>();
        // One driver throughout, as in the IDE: each state also starts from the previous state's cache.
        GeneratorRun run = GeneratorRun.For(string.Empty);
        foreach (string state in states)
        {
            run = run.Rerun(run.Input.ReplaceSyntaxTree(run.Input.SyntaxTrees.Single(), TestCompilation.Parse(state, "Input0.cs")));
            var generated = run.Result.GeneratedSources.Select(s => s.SyntaxTree).ToArray();
            Diagnostic[] own = generated.SelectMany(t => run.Output.GetSemanticModel(t).GetDiagnostics()).ToArray();
            if (run.Result.Exception is not null || run.DriverDiagnostics.Any(d => d.Id is "CS8785" or "AD0001") || own.Length > 0)
            {
                failures.Add($"--- after:\n{state[Math.Max(0, state.Length - 60)..]}\n{run.Result.Exception}{Snapshot.DescribeDiagnostics(own.Take(3))}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} states failed; the first:\n{failures.FirstOrDefault()}");
    }
}
