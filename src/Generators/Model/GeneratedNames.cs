namespace GeneratedBus.Generators.Model;

/// <summary>The names of the ten types generated per bus, in one place so parser, planner and emitter agree.</summary>
internal static class GeneratedNames
{
    /// <summary><c>ISchedulerListener</c>.</summary>
    public static string ListenerInterface(string bus) => "I" + bus + "Listener";

    /// <summary><c>SchedulerListener</c>.</summary>
    public static string Listener(string bus) => bus + "Listener";

    /// <summary><c>ISchedulerAsyncListener</c>.</summary>
    public static string AsyncListenerInterface(string bus) => "I" + bus + "AsyncListener";

    /// <summary><c>SchedulerAsyncListener</c>.</summary>
    public static string AsyncListener(string bus) => bus + "AsyncListener";

    /// <summary><c>SchedulerFirehoseListener</c>.</summary>
    public static string FirehoseListener(string bus) => bus + "FirehoseListener";

    /// <summary><c>SchedulerEventKind</c>.</summary>
    public static string Kind(string bus) => bus + "EventKind";

    /// <summary><c>SchedulerDispatcher</c>.</summary>
    public static string Dispatcher(string bus) => bus + "Dispatcher";

    /// <summary><c>SchedulerBus</c>.</summary>
    public static string Bus(string bus) => bus + "Bus";

    /// <summary><c>SchedulerListenerBus</c>, the synchronous bus.</summary>
    public static string ListenerBus(string bus) => bus + "ListenerBus";

    /// <summary><c>SchedulerJsonCodec</c>, the event codec (in a file of its own).</summary>
    public static string JsonCodec(string bus) => bus + "JsonCodec";

    /// <summary>All ten, in emission order.</summary>
    public static string[] All(string bus) =>
        new[]
        {
            ListenerInterface(bus), Listener(bus), FirehoseListener(bus), AsyncListenerInterface(bus), AsyncListener(bus),
            Kind(bus), Dispatcher(bus), Bus(bus), ListenerBus(bus), JsonCodec(bus),
        };

    /// <summary>The async handler of a sync one: <c>OnJobStart</c> -> <c>OnJobStartAsync</c>.</summary>
    public static string Async(string handler) => handler + "Async";

    /// <summary>The private class in the bus that puts an async listener on a queue.</summary>
    public const string AsyncAdapter = "AsyncListenerCall";

    /// <summary>The handler every listener has for events without a handler of their own.</summary>
    public const string OtherHandler = "OnOtherEvent";

    /// <summary>The firehose's single abstract callback.</summary>
    public const string FirehoseHandler = "OnEvent";

    /// <summary>The kind of events without a handler of their own; kind 0.</summary>
    public const string OtherKind = "Other";
}
