using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>
/// The kind enum and the dispatcher: kind metadata, <c>KindOf</c>, <c>Dispatch</c>, <c>DispatchToAll</c> and the
/// runtime's contract (BusEmitter.Contract.cs). A small bus finds an event's handler by a type switch
/// (BusEmitter.TypeSwitch.cs), a larger one by a kind lookup and a jump table (BusEmitter.KindMap.cs).
/// </summary>
internal sealed partial class BusEmitter
{
    private bool UsesTypeSwitch => KindLookup.UsesTypeSwitch(_bus.Events.Count);

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
                /// Calls the handler that fits an event's type. The buses take it as their
                /// <see cref="global::GeneratedBus.IEventSpanDispatcher{TListener, TEvent}"/>, which hands it whole runs of
                /// listeners: one kind switch per event, not one per listener.
                /// </summary>
                """,
            $"readonly struct {_root.DispatcherName} : {SpanContract}{InterestContract}");
        using (_writer.Braces())
        {
            if (!UsesTypeSwitch)
            {
                WriteKindMap();
                _writer.WriteLine();
            }

            WriteKindMetadata();
            _writer.WriteLine();
            WriteKindOf();
            _writer.WriteLine();
            WriteDispatch();
            _writer.WriteLine();
            WriteDispatchToAll();
            _writer.WriteLine();
            WriteDispatchAsync();
            _writer.WriteLine();
            WriteContract();
            _writer.WriteLine();
            WriteDispatchSpan();
            _writer.WriteLine();
            WriteWrongKind();
            _writer.WriteLine();
            WriteListenerCalls();
            if (HasListeners)
            {
                _writer.WriteLine();
                WriteKindsHandledBy();
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
        string cost = UsesTypeSwitch
            ? "by a type test per event type, which for this few types costs less than a hash lookup"
            : "in constant time whatever the number of event types";

        _writer.WriteLine($$"""
            /// <summary>The kind of <paramref name="e"/>, found {{cost}}.</summary>
            /// <param name="e">The event.</param>
            /// <returns>The kind; <see cref="{{Kind}}.{{GeneratedNames.OtherKind}}"/> for a type without a handler.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="e"/> is <see langword="null"/>.</exception>
            """);

        // A few type tests, inlined where the runtime classifies each post (Classify): as a call they cost about 2 ns
        // more, measured on a synchronous post to ten listeners (23 against 25 ns). The kind map's fallback switch
        // over non-sealed events can be long, so that one stays a call.
        if (UsesTypeSwitch)
        {
            _writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        }

        _writer.WriteLine($$"""
            public static {{Kind}} KindOf({{_root.TypeName}} e)
            {
            """);
        using (_writer.Indented())
        {
            if (UsesTypeSwitch)
            {
                WriteTypeSwitchKindOf();
            }
            else
            {
                WriteKindMapKindOf();
            }
        }

        _writer.WriteLine("}");
    }

    private void WriteDispatch()
    {
        _writer.WriteLine($$"""
            /// <summary>Calls the handler of <paramref name="listener"/> that fits <paramref name="e"/>.</summary>
            /// <param name="listener">The listener.</param>
            /// <param name="e">The event.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="e"/> is <see langword="null"/>.</exception>
            public static void Dispatch({{ListenerInterface}} listener, {{_root.TypeName}} e)
            {
            """);
        using (_writer.Indented())
        {
            WriteDispatchBody(DispatchShape.One);
        }

        _writer.WriteLine("}");
    }

    // One type test or lookup and one jump for a whole list: the per-listener Dispatch repeats them for every
    // listener. Each case hands the event, already typed, to ListenerRun, which calls each listener position from a
    // site of its own.
    private void WriteDispatchToAll()
    {
        _writer.WriteLine($$"""
            /// <summary>
            /// Calls, in order, the handler of each of <paramref name="listeners"/> that fits <paramref name="e"/>, with
            /// one type lookup for all of them. A handler that throws stops the rest, as in a plain loop.
            /// </summary>
            /// <param name="listeners">The listeners, in the order they get the event.</param>
            /// <param name="e">The event.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="e"/> is <see langword="null"/>.</exception>
            public static void DispatchToAll(global::System.ReadOnlySpan<{{ListenerInterface}}> listeners, {{_root.TypeName}} e)
            {
            """);
        using (_writer.Indented())
        {
            WriteDispatchBody(DispatchShape.All);
        }

        _writer.WriteLine("}");
    }

    private void WriteDispatchBody(DispatchShape shape)
    {
        if (UsesTypeSwitch)
        {
            WriteTypeSwitchDispatch(shape);
        }
        else
        {
            WriteKindMapDispatch(shape);
        }
    }

    // "e", not nameof(e): a 'global using static' of a method named nameof would take over that call.
    private void WriteNullCheck()
    {
        _writer.WriteLine("""
            if (e is null)
            {
                throw new global::System.ArgumentNullException("e");
            }

            """);
    }

    // The handler call of a dispatch case and its return: one listener, each of the list in order, or one async
    // listener's call returned as it is. spec is null for a type without a handler of its own.
    private void WriteCallAndReturn(DispatchShape shape, EventSpec? spec, string argument)
    {
        string handler = HandlerOf(spec);
        switch (shape)
        {
            case DispatchShape.One:
                _writer.WriteLine($"listener.{handler}({argument});");
                break;
            case DispatchShape.All:
                WriteRun(spec, argument);
                break;
            default:
                _writer.WriteLine($"return listener.{GeneratedNames.Async(handler)}({argument}, cancellationToken);");
                return;
        }

        _writer.WriteLine("return;");
    }

    // The last case of both dispatch switches: a type without a handler of its own.
    private void WriteOtherCase(DispatchShape shape)
    {
        _writer.WriteLine("default:");
        using (_writer.Indented())
        {
            WriteCallAndReturn(shape, null, "e");
        }
    }

    /// <summary>What a dispatch method calls: one listener, a list of them, or one async listener.</summary>
    private enum DispatchShape
    {
        One,
        All,
        Async,
    }
}
