using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>
/// The dispatcher's side the runtime sees: its <c>IEventDispatcher</c> and <c>IEventSpanDispatcher</c> members,
/// implemented explicitly, and the exception a kind that does not fit its event throws.
/// </summary>
internal sealed partial class BusEmitter
{
    // The runtime's view of this dispatcher: explicit, so the int-kind members stay off the public surface. The
    // runtime hands back the kind Classify gave, but each case still tests the event's type (the check a cast would
    // make anyway), so a kind that does not fit the event throws instead of reaching a handler of another type.
    private void WriteContract()
    {
        _writer.WriteLine($$"""
            /// <inheritdoc/>
            int {{Contract}}.KindCount => KindCount;

            /// <inheritdoc/>
            int {{Contract}}.Classify({{_root.TypeName}} e) => (int)KindOf(e);

            /// <inheritdoc/>
            /// <exception cref="global::System.ArgumentException"><paramref name="kind"/> does not fit the type of <paramref name="e"/>.</exception>
            void {{Contract}}.Dispatch({{ListenerInterface}} listener, {{_root.TypeName}} e, int kind)
            {
            """);
        using (_writer.Indented())
        {
            WriteKindCases(runs: false, (spec, argument) => _writer.WriteLine($"listener.{HandlerOf(spec)}({argument});"));
            _writer.WriteLine("throw WrongKind(kind, e);");
        }

        _writer.WriteLine("}");
    }

    // The runtime's whole run of listeners, one kind switch for all of them: each case hands the typed event to
    // ListenerRun, which keeps next at the listener being called, so that after a handler throws the runtime knows
    // whose call failed and resumes after it.
    private void WriteDispatchSpan()
    {
        _writer.WriteLine($$"""
            /// <inheritdoc/>
            /// <exception cref="global::System.ArgumentException"><paramref name="kind"/> does not fit the type of <paramref name="e"/>, and a listener is left to call.</exception>
            void {{SpanContract}}.DispatchSpan(global::System.ReadOnlySpan<{{ListenerInterface}}> listeners, {{_root.TypeName}} e, int kind, ref int next)
            {
            """);
        using (_writer.Indented())
        {
            WriteKindCases(runs: true, (spec, argument) => WriteRun(spec, argument, ", ref next"));

            // Only a call fails: a run with no listener left has nothing to throw for, as no per-listener Dispatch
            // would be made, and the runtime, which resumes after the listener next names, has none to blame.
            _writer.WriteLine("""
                if (next < listeners.Length)
                {
                    throw WrongKind(kind, e);
                }
                """);
        }

        _writer.WriteLine("}");
    }

    // "switch ((Kind)kind) { ... }" with a case per kind that tests the event's type, each ending in return, then a
    // blank line: what follows runs only for a kind that does not fit the event.
    private void WriteKindCases(bool runs, System.Action<EventSpec?, string> writeCall)
    {
        _writer.WriteLine($"switch (({Kind})kind)");
        _writer.WriteLine("{");
        using (_writer.Indented())
        {
            foreach (EventSpec spec in _bus.Events)
            {
                _writer.WriteLine($"case {Kind}.{spec.KindName} when e is {TypedPattern(spec, runs)}:");
                using (_writer.Indented())
                {
                    writeCall(spec, "typed");
                    _writer.WriteLine("return;");
                }
            }

            _writer.WriteLine($"case {Kind}.{GeneratedNames.OtherKind}:");
            using (_writer.Indented())
            {
                writeCall(null, "e");
                _writer.WriteLine("return;");
            }
        }

        _writer.WriteLine("}");
        _writer.WriteLine();
    }

    // Off the dispatch path, so the switch above stays small; names the kind and the type it was given with.
    private void WriteWrongKind()
    {
        _writer.WriteLine($$"""
            private static global::System.ArgumentException WrongKind(int kind, {{_root.TypeName}} e)
            {
                if (kind < 0 || kind >= KindCount)
                {
                    return new global::System.ArgumentOutOfRangeException("kind", kind, "Not a member of {{_root.KindName}}.");
                }

                string type = e is null ? "null" : e.GetType().FullName ?? e.GetType().Name;
                return new global::System.ArgumentException("Kind " + kind + " (" + NameOf(({{Kind}})kind) + ") does not fit an event of type " + type + ".", "kind");
            }
            """);
    }
}
