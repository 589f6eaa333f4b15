using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>
/// The dispatcher's side the runtime sees: its <c>IEventDispatcher</c> members, implemented explicitly, and the
/// exception a kind that does not fit its event throws.
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
                switch (({{Kind}})kind)
                {
            """);
        using (_writer.Indented())
        using (_writer.Indented())
        {
            foreach (EventSpec spec in _bus.Events)
            {
                _writer.WriteLine($"""
                    case {Kind}.{spec.KindName} when e is {spec.TypeName} typed:
                        listener.{spec.HandlerName}(typed);
                        return;
                    """);
            }

            _writer.WriteLine($"""
                case {Kind}.{GeneratedNames.OtherKind}:
                    listener.{GeneratedNames.OtherHandler}(e);
                    return;
                """);
        }

        _writer.WriteLine("""
                }

                throw WrongKind(kind, e);
            }
            """);
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
