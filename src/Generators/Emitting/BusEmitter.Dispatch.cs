using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>The kind enum and the dispatcher: a constant-time type lookup followed by a jump table.</summary>
internal sealed partial class BusEmitter
{
    private void WriteKind()
    {
        WriteTypeHeader(
            $"""/// <summary>Which handler of <see cref="{ListenerInterface}"/> an event goes to.</summary>""",
            $"enum {_root.KindName}");
        using (_writer.Braces())
        {
            _writer.WriteLine($"""
                /// <summary>A type without a handler of its own: goes to <c>OnOtherEvent</c>.</summary>
                {GeneratedNames.OtherKind} = 0,
                """);
            int kind = 1;
            foreach (EventSpec spec in _bus.Events)
            {
                _writer.WriteLine($"""

                    /// <summary>A <see cref="{spec.TypeName}"/>.</summary>
                    {spec.KindName} = {kind++},
                    """);
            }
        }
    }

    private void WriteDispatcher()
    {
        WriteTypeHeader(
            """
                /// <summary>
                /// Calls the handler that fits an event's type, at the same cost for every event type. The bus takes it as
                /// its <see cref="global::GeneratedBus.IEventDispatcher{TListener, TEvent}"/>.
                /// </summary>
                """,
            $"readonly struct {_root.DispatcherName} : {Contract}");
        using (_writer.Braces())
        {
            WriteKindMap();
            _writer.WriteLine();
            WriteKindMetadata();
            _writer.WriteLine();
            WriteKindOf();
            _writer.WriteLine();
            WriteDispatch();
            _writer.WriteLine();
            WriteDispatchToAll();
            _writer.WriteLine();
            WriteContract();
        }
    }

    // The runtime's view of this dispatcher: explicit, so the int-kind members stay off the public surface.
    private void WriteContract()
    {
        _writer.WriteLine($"""
            /// <inheritdoc/>
            int {Contract}.KindCount => KindCount;

            /// <inheritdoc/>
            int {Contract}.Classify({_root.TypeName} e) => (int)KindOf(e);

            /// <inheritdoc/>
            void {Contract}.Dispatch({ListenerInterface} listener, {_root.TypeName} e, int kind) => Dispatch(listener, e, ({Kind})kind);
            """);
    }

    // Kind i + 1 for the type at index i, as the enum numbers them.
    private void WriteKindMap()
    {
        if (_bus.Events.Count == 0)
        {
            _writer.WriteLine("private static readonly global::GeneratedBus.EventKindMap s_kinds = new();");
            return;
        }

        _writer.WriteLine("private static readonly global::GeneratedBus.EventKindMap s_kinds = new(");
        using (_writer.Indented())
        {
            for (int i = 0; i < _bus.Events.Count; i++)
            {
                string end = i == _bus.Events.Count - 1 ? ");" : ",";
                _writer.WriteLine($"typeof({_bus.Events[i].TypeName}).TypeHandle{end}");
            }
        }
    }

    // What Enum.GetValues and ToString would give, as constants and a switch: no reflection, and trimming-safe.
    private void WriteKindMetadata()
    {
        _writer.WriteLine($$"""
            /// <summary>How many kinds <see cref="{{Kind}}"/> has, <see cref="{{Kind}}.{{GeneratedNames.OtherKind}}"/> included: they run from 0 to <c>KindCount - 1</c>, so an array of this length indexed by kind fits them all.</summary>
            public const int KindCount = {{_bus.Events.Count + 1}};

            /// <summary>The simple name of the event type of <paramref name="kind"/>, as <c>nameof</c> gives it; <c>"{{GeneratedNames.OtherKind}}"</c> for <see cref="{{Kind}}.{{GeneratedNames.OtherKind}}"/>.</summary>
            /// <param name="kind">A kind.</param>
            /// <returns>The name, without namespace or containing types.</returns>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="kind"/> is not one of the kinds.</exception>
            public static string NameOf({{Kind}} kind) => kind switch
            {
            """);
        using (_writer.Indented())
        {
            _writer.WriteLine($"{Kind}.{GeneratedNames.OtherKind} => \"{GeneratedNames.OtherKind}\",");
            foreach (EventSpec spec in _bus.Events)
            {
                _writer.WriteLine($"{Kind}.{spec.KindName} => \"{SimpleName(spec.TypeName)}\",");
            }

            _writer.WriteLine($"_ => throw new global::System.ArgumentOutOfRangeException(\"kind\", kind, \"Not a member of {_root.KindName}.\"),");
        }

        _writer.WriteLine("};");
    }

    // "global::Acme.Outer.@class" -> "class": events are never generic, so the last dot separates the simple name, and
    // an identifier holds no quote or backslash that a string literal would need escaped.
    private static string SimpleName(string typeName)
    {
        string last = typeName.Substring(typeName.LastIndexOf('.') + 1);
        return last.StartsWith("@", System.StringComparison.Ordinal) ? last.Substring(1) : last;
    }

    private void WriteKindOf()
    {
        // "e", not nameof(e): a 'global using static' of a method named nameof would take over that call.
        _writer.WriteLine($$"""
            /// <summary>The kind of <paramref name="e"/>, found in constant time whatever the number of event types.</summary>
            /// <param name="e">The event.</param>
            /// <returns>The kind; <see cref="{{Kind}}.{{GeneratedNames.OtherKind}}"/> for a type without a handler.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="e"/> is <see langword="null"/>.</exception>
            public static {{Kind}} KindOf({{_root.TypeName}} e)
            {
                if (e is null)
                {
                    throw new global::System.ArgumentNullException("e");
                }

            """);
        using (_writer.Indented())
        {
            // Types that can have subclasses, most derived first so that a subclass finds its nearest handled base.
            EventSpec[] open = _bus.Events.Where(e => !e.IsSealed)
                .OrderByDescending(e => e.Depth)
                .ThenBy(e => e.TypeName, System.StringComparer.Ordinal)
                .ToArray();
            if (open.Length == 0)
            {
                _writer.WriteLine($"return ({Kind})s_kinds.Find(e);");
            }
            else
            {
                WriteFallback(open);
            }
        }

        _writer.WriteLine("}");
    }

    private void WriteFallback(EventSpec[] open)
    {
        _writer.WriteLine($$"""
            int kind = s_kinds.Find(e);
            if (kind != 0)
            {
                return ({{Kind}})kind;
            }

            // Not an exact event type: a subclass of a non-sealed event goes to that event's handler.
            return e switch
            {
            """);
        using (_writer.Indented())
        {
            foreach (EventSpec spec in open)
            {
                _writer.WriteLine($"{spec.TypeName} => {Kind}.{spec.KindName},");
            }

            _writer.WriteLine($"_ => {Kind}.{GeneratedNames.OtherKind},");
        }

        _writer.WriteLine("};");
    }

    private void WriteDispatch()
    {
        _writer.WriteLine($$"""
            /// <summary>Calls the handler of <paramref name="listener"/> that fits <paramref name="e"/>.</summary>
            /// <param name="listener">The listener.</param>
            /// <param name="e">The event.</param>
            public static void Dispatch({{ListenerInterface}} listener, {{_root.TypeName}} e) => Dispatch(listener, e, KindOf(e));

            /// <summary>Calls the handler for <paramref name="kind"/> through a jump table, with no type tests.</summary>
            /// <param name="listener">The listener.</param>
            /// <param name="e">The event.</param>
            /// <param name="kind">The kind of <paramref name="e"/>, as <see cref="KindOf"/> returns it.</param>
            public static void Dispatch({{ListenerInterface}} listener, {{_root.TypeName}} e, {{Kind}} kind)
            {
                switch (kind)
                {
            """);
        using (_writer.Indented())
        using (_writer.Indented())
        {
            foreach (EventSpec spec in _bus.Events)
            {
                _writer.WriteLine($"""
                    case {Kind}.{spec.KindName}:
                        listener.{spec.HandlerName}(({spec.TypeName})e);
                        return;
                    """);
            }

            _writer.WriteLine($"""
                default:
                    listener.{GeneratedNames.OtherHandler}(e);
                    return;
                """);
        }

        _writer.WriteLine("""
                }
            }
            """);
    }

    // One lookup and one jump for a whole list: the per-listener Dispatch repeats the jump (and, without a kind, the
    // lookup) for every listener, which a hand-written loop over a type switch does not beat by much. Each case loops
    // with the event already cast, so the loop body is one interface call the JIT can devirtualize.
    private void WriteDispatchToAll()
    {
        _writer.WriteLine($$"""
            /// <summary>
            /// Calls, in order, the handler of each of <paramref name="listeners"/> that fits <paramref name="e"/>, with
            /// one kind lookup and one jump for all of them. A handler that throws stops the rest, as in a plain loop.
            /// </summary>
            /// <param name="listeners">The listeners, in the order they get the event.</param>
            /// <param name="e">The event.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="e"/> is <see langword="null"/>.</exception>
            public static void DispatchToAll(global::System.ReadOnlySpan<{{ListenerInterface}}> listeners, {{_root.TypeName}} e)
            {
                switch (KindOf(e))
                {
            """);
        using (_writer.Indented())
        using (_writer.Indented())
        {
            foreach (EventSpec spec in _bus.Events)
            {
                _writer.WriteLine($$"""
                    case {{Kind}}.{{spec.KindName}}:
                    {
                        {{spec.TypeName}} typed = ({{spec.TypeName}})e;
                        for (int i = 0; i < listeners.Length; i++)
                        {
                            listeners[i].{{spec.HandlerName}}(typed);
                        }

                        return;
                    }
                    """);
            }

            _writer.WriteLine($$"""
                default:
                    for (int i = 0; i < listeners.Length; i++)
                    {
                        listeners[i].{{GeneratedNames.OtherHandler}}(e);
                    }

                    return;
                """);
        }

        _writer.WriteLine("""
                }
            }
            """);
    }
}
