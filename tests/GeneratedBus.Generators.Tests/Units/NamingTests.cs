using GeneratedBus.Generators.Model;
using GeneratedBus.Generators.Parsing;

namespace GeneratedBus.Generators.Tests.Units;

/// <summary>The naming rules on their own: bus names, handler stems, escaping and hint names.</summary>
public class NamingTests
{
    [Theory]
    [InlineData("SchedulerEvent", false, "Scheduler")]
    [InlineData("StorageEvents", false, "Storage")]
    [InlineData("Signal", false, "Signal")]
    [InlineData("ISchedulerEvent", true, "Scheduler")]
    [InlineData("Incident", true, "Incident")]
    [InlineData("ISchedulerEvent", false, "IScheduler")]
    [InlineData("IEvent", true, "")]
    [InlineData("Event", false, "")]
    [InlineData("EventEvent", false, "Event")]
    public void Bus_name_drops_the_interface_I_and_a_trailing_Event_or_Events(string root, bool isInterface, string expected)
        => Assert.Equal(expected, Naming.BusNameOf(root, isInterface));

    [Theory]
    [InlineData("JobStart", "JobStart")]
    [InlineData("HeartbeatEvent", "Heartbeat")]
    [InlineData("Event", "Event")]
    [InlineData("OtherEvents", "OtherEvents")]
    public void Stem_drops_one_trailing_Event_unless_nothing_would_be_left(string name, string expected)
        => Assert.Equal(expected, Naming.StemOf(name));

    [Theory]
    [InlineData("Scheduler", true)]
    [InlineData("class", true)]
    [InlineData("Démarré", true)]
    [InlineData("", false)]
    [InlineData("not valid", false)]
    [InlineData("@Scheduler", false)]
    [InlineData("Sched\u200Buler", false)]
    [InlineData("Sched\u00ADuler", false)]
    public void Bus_names_must_be_identifiers_as_spelled(string name, bool expected)
        => Assert.Equal(expected, Naming.IsValidIdentifier(name));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("record", "record")]
    [InlineData("Démarré", "Démarré")]
    public void Only_reserved_keywords_are_escaped(string name, string expected)
        => Assert.Equal(expected, Naming.Escape(name));

    [Theory]
    [InlineData("Acme.Scheduling.SchedulerEvent", 1, "Acme.Scheduling.SchedulerEvent.Bus.g.cs")]
    [InlineData("SchedulerEvent", 1, "SchedulerEvent.Bus.g.cs")]
    [InlineData("Acme.Outer+Root", 1, "Acme.Outer+Root.Bus.g.cs")]
    [InlineData("Acme.Événement", 1, "Acme.-00C9v-00E9nement.Bus.g.cs")]
    [InlineData("Acme.schedulerEvent", 2, "Acme.schedulerEvent.2.Bus.g.cs")]
    public void Hint_names_are_file_safe_and_unique(string metadataName, int occurrence, string expected)
        => Assert.Equal(expected, HintNames.For(metadataName, occurrence));
}
