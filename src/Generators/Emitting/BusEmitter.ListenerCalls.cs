using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>
/// One private struct per handler for the runtime's <c>ListenerRun</c>, which gives each position in a run of listeners
/// a call site of its own: <c>StageSubmittedCall</c> calls <c>OnStageSubmitted</c>.
/// </summary>
internal sealed partial class BusEmitter
{
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

    // The struct of a kind (null: events without a handler of their own). Named after the kind, whose names are unique
    // identifiers, without a verbatim @: a suffix makes any of them a plain identifier, and none of the dispatcher's
    // own members ends in "Call".
    private static string ListenerCallOf(EventSpec? spec) =>
        (spec?.KindName ?? GeneratedNames.OtherKind).TrimStart('@') + "Call";

    // The handler of a kind (null: events without a handler of their own).
    private static string HandlerOf(EventSpec? spec) => spec?.HandlerName ?? GeneratedNames.OtherHandler;

    // What a run of the kind hands its handler: the event's own type, or for a record struct the root it was posted as
    // (already boxed), which the handler's struct unboxes.
    private string EventTypeOf(EventSpec? spec) => spec is null || spec.IsValueType ? _root.TypeName : spec.TypeName;

    // The type pattern of a dispatch case: a run of a record struct takes the boxed root, so the case only tests the
    // type, and copies nothing out of the box.
    private static string TypedPattern(EventSpec spec, bool runs) => $"{spec.TypeName} {(runs && spec.IsValueType ? "_" : "typed")}";

    // A dispatch case's run: argument is the case's typed event, but a record struct's run takes the boxed root. The
    // span contract passes "ref next" as well.
    private void WriteRun(EventSpec? spec, string argument, string rest = "") =>
        _writer.WriteLine($"global::GeneratedBus.ListenerRun.Run<{ListenerCallOf(spec)}, {ListenerInterface}, {EventTypeOf(spec)}>(listeners, {(spec is { IsValueType: true } ? "e" : argument)}{rest});");

    // ListenerRun passes only what a run of these types holds, so reinterpreting costs nothing and cannot mistype; a
    // record struct is unboxed with its type check.
    private void WriteListenerCalls()
    {
        _writer.WriteLine("// Each handler as a struct, for global::GeneratedBus.ListenerRun: it gives every listener position a call site of its own.");
        WriteListenerCall(null);
        foreach (EventSpec spec in _bus.Events)
        {
            _writer.WriteLine();
            WriteListenerCall(spec);
        }
    }

    private void WriteListenerCall(EventSpec? spec)
    {
        string type = EventTypeOf(spec);
        string argument = spec is { IsValueType: true } ? $"({spec.TypeName})e" : $"{Unsafe}.As<{type}>(e)";
        _writer.WriteLine($$"""
            private readonly struct {{ListenerCallOf(spec)}} : global::GeneratedBus.IListenerCall<{{ListenerInterface}}, {{type}}>
            {
                void global::GeneratedBus.IListenerCall.Call<TSite>(object listener, object e) => {{Unsafe}}.As<{{ListenerInterface}}>(listener).{{HandlerOf(spec)}}({{argument}});
            }
            """);
    }
}
