using System.Collections.Generic;
using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>
/// The queues' interest filter: the kinds each listener class of this compilation handles, as the dispatcher's
/// <c>KindsHandledBy</c> (a chain of exact type tests the bus runs once per <c>AddToQueue</c>, never per post), and the
/// bus's typed <c>AddToQueue</c> for listeners the generator did not see.
/// </summary>
internal sealed partial class BusEmitter
{
    private bool HasListeners => _bus.Listeners.Count > 0;

    // What the dispatcher implements besides the span contract.
    private string InterestContract => HasListeners ? ", global::GeneratedBus.IListenerKinds" : string.Empty;

    private void WriteKindsHandledBy()
    {
        var kindOf = _bus.Events.ToDictionary(e => e.HandlerName, e => e.KindName, System.StringComparer.Ordinal);
        _writer.WriteLine("""
            /// <summary>
            /// The kinds listeners of exactly <paramref name="listenerType"/> handle, from the handlers the listener classes
            /// of this project override; a queue carries only the kinds its listeners handle.
            /// </summary>
            /// <param name="listenerType">A listener's runtime type.</param>
            /// <returns>The kinds, or <see langword="null"/> for any other type, which gets every event.</returns>
            public static global::GeneratedBus.EventKindSet? KindsHandledBy(global::System.Type listenerType)
            {
            """);
        using (_writer.Indented())
        {
            foreach (ListenerSpec listener in _bus.Listeners)
            {
                IEnumerable<string> kinds = listener.Handlers.Where(kindOf.ContainsKey).Select(h => $"(int){Kind}.{kindOf[h]}");
                _writer.WriteLine($$"""
                    if (listenerType == typeof({{listener.TypeName}}))
                    {
                        return global::GeneratedBus.EventKindSet.Of({{string.Join(", ", kinds)}});
                    }

                    """);
            }

            _writer.WriteLine("return null;");
        }

        _writer.WriteLine($$"""
            }

            /// <inheritdoc/>
            global::GeneratedBus.EventKindSet? global::GeneratedBus.IListenerKinds.KindsHandledBy(global::System.Type listenerType) => KindsHandledBy(listenerType);
            """);
    }

    // Not params: an applicable params overload here would win over the base's AddToQueue(listener, queue).
    private void WriteTypedAddToQueue()
    {
        _writer.WriteLine($$"""
            /// <summary>
            /// Adds a listener that handles only <paramref name="kinds"/> to the named queue, as
            /// <c>AddToQueue(listener, queue, EventKindSet)</c> does: for listener types declared outside this project,
            /// whose handlers the generator cannot see. The queue skips events no listener of it handles.
            /// </summary>
            /// <param name="listener">The listener.</param>
            /// <param name="queue">The queue name.</param>
            /// <param name="kinds">The kinds the listener handles; <see cref="{{Kind}}.{{GeneratedNames.OtherKind}}"/> for what reaches <c>OnOtherEvent</c>.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="listener"/>, <paramref name="queue"/> or <paramref name="kinds"/> is <see langword="null"/>.</exception>
            /// <exception cref="global::System.ArgumentOutOfRangeException">A kind is not a member of <see cref="{{Kind}}"/>.</exception>
            /// <exception cref="global::System.InvalidOperationException">The bus was stopped or disposed and has no queue of that name.</exception>
            public void AddToQueue({{ListenerInterface}} listener, string queue, {{Kind}}[] kinds)
            {
                if (kinds is null)
                {
                    throw new global::System.ArgumentNullException("kinds");
                }

                int[] numbers = new int[kinds.Length];
                for (int i = 0; i < kinds.Length; i++)
                {
                    numbers[i] = (int)kinds[i];
                }

                AddToQueue(listener, queue, global::GeneratedBus.EventKindSet.Of(numbers));
            }
            """);
    }
}
