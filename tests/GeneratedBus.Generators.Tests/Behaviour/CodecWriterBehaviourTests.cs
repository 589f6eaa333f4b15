using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;

namespace GeneratedBus.Generators.Tests.Behaviour;

/// <summary>
/// The codec's <c>Write</c> picks an event's case by a type switch on a small bus and by the dispatcher's
/// <c>KindOf</c> on a larger one. Both must write the same thing for every event, a subclass as its nearest
/// handled base, and refuse null and types that are no event of the bus.
/// </summary>
public class CodecWriterBehaviourTests
{
    // 3 events: a type switch; 30: past the type-switch limit, so KindOf and a jump table.
    [Theory]
    [InlineData(3)]
    [InlineData(30)]
    public void Write_names_every_event_a_subclass_as_its_base_and_refuses_null_and_non_events(int eventCount)
    {
        string events = string.Join("\n", Enumerable.Range(0, eventCount).Select(i => $"[BusEvent] public sealed record E{i}(int Value) : SchedulerEvent;"));
        string writes = string.Join("\n", Enumerable.Range(0, eventCount).Select(i => $"lines.Add(Line(new E{i}({i})));"));
        GeneratorRun run = GeneratorRun.For($$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;
            using GeneratedBus;

            namespace Acme.Scheduling;

            public abstract record SchedulerEvent;
            [BusEvent] public record Base(int Value) : SchedulerEvent;
            public sealed record Derived(int Value, string Extra) : Base(Value);
            public sealed record NotAnEvent : SchedulerEvent;
            {{events}}

            public static class Probe
            {
                public static string Run()
                {
                    var lines = new List<string>();
                    {{writes}}
                    lines.Add(Line(new Base(-1)));
                    lines.Add(Line(new Derived(-2, "dropped")));
                    lines.Add(Refusal(null!));
                    lines.Add(Refusal(new NotAnEvent()));
                    return string.Join("\n", lines);
                }

                private static string Line(SchedulerEvent e)
                {
                    var stream = new MemoryStream();
                    using (var writer = new Utf8JsonWriter(stream))
                    {
                        SchedulerJsonCodec.Instance.Write(writer, e);
                    }

                    return System.Text.Encoding.UTF8.GetString(stream.ToArray());
                }

                private static string Refusal(SchedulerEvent e)
                {
                    try
                    {
                        Line(e);
                        return "written";
                    }
                    catch (ArgumentNullException x)
                    {
                        return "null:" + x.ParamName;
                    }
                    catch (ArgumentException x)
                    {
                        return "refused:" + x.ParamName + ":" + x.Message.Contains("'Acme.Scheduling.NotAnEvent' is no [BusEvent] type");
                    }
                }
            }
            """);

        string? result = (string?)CompiledAssembly.Invoke(run, "Acme.Scheduling.Probe", "Run");

        string expected = string.Join("\n", Enumerable.Range(0, eventCount).Select(i => $$"""{"Event":"E{{i}}","Value":{{i}}}"""))
            + "\n" + """{"Event":"Base","Value":-1}"""
            + "\n" + """{"Event":"Base","Value":-2}"""
            + "\nnull:e\nrefused:e:True";
        Assert.Equal(expected, result);
    }
}
